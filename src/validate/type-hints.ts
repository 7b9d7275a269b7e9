// What to write instead when a value has the wrong type: the usual slips of people new to YAML
// (a per cent sign, "yes", a colour read as a comment, brackets read as a list).
import { isMap, isScalar, isSeq, type Scalar } from 'yaml';
import type { SourceFile } from '../diagnostics';

/** `expected` is the wording of Fields: "a number", "a whole number", "true or false", "text", "a list". */
export function typeHint(file: SourceFile, key: string, expected: string, node: unknown): string | undefined {
  if (isScalar(node)) {
    if (node.value === null || node.value === undefined) return commentHint(file, key, node);
    if (expected.includes('number')) return numberHint(key, node);
    if (expected === 'true or false') return booleanHint(key, node);
    if (expected === 'a list') return `Write each item on its own line under "${key}:", starting with "- ".`;
    return undefined;
  }
  if (expected.endsWith('text') && (isSeq(node) || isMap(node))) {
    if (node.flow) {
      const brackets = isSeq(node) ? 'Square brackets make a list' : 'Curly brackets make a mapping';
      const [start, end] = node.range ?? [0, 0];
      return `${brackets} in YAML; to keep them as text, put quotes around the whole value: ${key}: "${file.text.slice(start, end)}"`;
    }
    return `The lines under "${key}:" are read as ${isSeq(node) ? 'a list' : 'keys'}; for text over several lines, write "${key}: |" and indent the text under it.`;
  }
  return undefined;
}

/** `brand-color: #7a2e1f`: YAML reads everything from " #" on as a comment, so the value is empty. */
function commentHint(file: SourceFile, key: string, node: Scalar): string | undefined {
  const start = node.range?.[0];
  if (start === undefined || file.text.charAt(start) !== '#' || /\s/.test(file.text.charAt(start + 1) || ' ')) return undefined;
  const end = file.text.indexOf('\n', start);
  const comment = file.text.slice(start, end === -1 ? undefined : end).trimEnd();
  return `"#" starts a comment in YAML, so "${comment}" was left out. Put quotes around the value: ${key}: "${comment}"`;
}

function numberHint(key: string, node: Scalar): string {
  if (typeof node.value === 'number') return `Use a whole number, such as ${Math.round(node.value)}.`;
  const text = String(node.value).trim();
  const percent = /^(-?\d+(?:[.,]\d+)?)\s*%$/.exec(text);
  if (percent?.[1]) return `Write ${percent[1].replace(',', '.')}, not ${text}: the number alone.`;
  if (/^-?\d+,\d+$/.test(text)) return `Write ${text.replace(',', '.')}: decimals take a point.`;
  if (text !== '' && Number.isFinite(Number(text))) return `Remove the quotes: ${key}: ${text}.`;
  return 'Write the number in digits, without quotes or units.';
}

const YES = ['yes', 'y', 'on', 'oui', 'ja', 'si', 'sí'];
const NO = ['no', 'n', 'off', 'non', 'nein'];

function booleanHint(key: string, node: Scalar): string {
  const text = String(node.value).trim().toLowerCase();
  if (YES.includes(text)) return `Use true or false: write ${key}: true.`;
  if (NO.includes(text)) return `Use true or false: write ${key}: false.`;
  if (text === 'true' || text === 'false') return `Remove the quotes: ${key}: ${text}.`;
  return 'Use true or false, without quotes.';
}
