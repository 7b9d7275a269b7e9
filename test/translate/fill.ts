// Plays a translator's CAT tool on an exported file: a target for every unit, its inline codes
// kept (and moved where the words move), written back into the XLIFF text.
const SOURCE = /(<source xml:space="preserve">)([\s\S]*?)(<\/source>)/g;
const SOURCE_12 = /(<source>)([\s\S]*?)(<\/source>)/g;

/** "Translates" each text with `translate` (applied to the runs of words between codes). */
export function fillTargets(xliff: string, translate: (words: string, unitId: string) => string): string {
  const version = xliff.includes('document:2.0') ? '2.0' : '1.2';
  let unitId = '';
  const units = xliff.split(/(?=<unit |<trans-unit )/);
  return units
    .map((chunk) => {
      unitId = /^<(?:unit|trans-unit) id="([^"]+)"/.exec(chunk)?.[1] ?? unitId;
      return chunk.replace(version === '2.0' ? SOURCE : SOURCE_12, (whole, _open: string, content: string) => {
        const target = translateWords(content, (words) => translate(words, unitId));
        return version === '2.0' ? `${whole}\n        <target xml:space="preserve">${target}</target>` : `${whole}\n        <target state="translated">${target}</target>`;
      });
    })
    .join('')
    .replace(/<segment state="initial">/g, '<segment state="translated">');
}

/** Applies `translate` to the words between tags; a 1.2 <ph> holds markup, not words. */
function translateWords(content: string, translate: (words: string) => string): string {
  let inCode = false;
  return content
    .split(/(<[^>]+>)/)
    .map((piece) => {
      if (piece.startsWith('<')) {
        if (/^<ph\b[^>]*[^/]>$/.test(piece)) inCode = true;
        if (piece === '</ph>') inCode = false;
        return piece;
      }
      return inCode || piece === '' ? piece : translate(piece);
    })
    .join('');
}

/** A German-looking text that shows where it came from: "[de] Welcome". */
export const tagged = (words: string) => (/\S/.test(words) ? `[de] ${words}` : words);
