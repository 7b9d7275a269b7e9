// Images are judged by their bytes: a file renamed to .png is not a PNG (browsers and LMSs that
// go by the name show it broken), and an SVG is a document that can run script. Opened on its
// own (a learner's "open image in new tab", a direct link), an SVG runs that script in the
// origin the LMS serves the package from: the LMS's own site, with the learner's session.

export type ImageKind = 'png' | 'jpeg' | 'gif' | 'webp' | 'svg';

export const KIND_NAMES: Record<ImageKind, string> = { png: 'PNG', jpeg: 'JPEG', gif: 'GIF', webp: 'WebP', svg: 'SVG' };

/** The kind each file name extension promises. */
export const EXTENSION_KINDS: Record<string, ImageKind> = { '.png': 'png', '.jpg': 'jpeg', '.jpeg': 'jpeg', '.gif': 'gif', '.svg': 'svg', '.webp': 'webp' };

/** Signatures: PNG (RFC 2083 §3.1), JPEG (SOI marker then a marker), GIF87a/89a, RIFF…WEBP. */
const SIGNATURES: Array<[ImageKind, (bytes: Buffer) => boolean]> = [
  ['png', (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['gif', (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1'))],
  ['webp', (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP'],
];

/** What the bytes are, or undefined when they are none of the images a course may hold. */
export function imageKind(bytes: Buffer): ImageKind | undefined {
  const found = SIGNATURES.find(([, test]) => test(bytes));
  if (found) return found[0];
  return isSvg(bytes.toString('utf8')) ? 'svg' : undefined;
}

/** XML whose root element is <svg>: after a byte-order mark, the XML declaration, comments and a DOCTYPE. */
function isSvg(text: string): boolean {
  const prolog = /^\ufeff?\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--[^]*?-->|<!DOCTYPE\s+svg(?:[^[>]|\[[^]*?\])*>)\s*)*/;
  const rest = text.slice(prolog.exec(text)?.[0].length ?? 0);
  return /^<svg[\s>/]/.test(rest);
}

export interface SvgScript {
  /** What was found, in words. */
  what: string;
  /** 1-based line in the SVG file. */
  line: number;
}

/** A start tag with its attributes (values may hold ">" inside quotes). */
const TAG = /<([A-Za-z][\w:.-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g;
/** Elements that run script: SVG's <script>, and SVG Tiny 1.2's <handler>. */
const SCRIPT_ELEMENTS = new Set(['script', 'handler']);
/** URL schemes that run script when followed. */
const SCRIPT_URL = /^(?:javascript|vbscript):/;

/**
 * The first thing in an SVG that can run script: a script element, an on…= event attribute
 * (or an animation that sets one), a javascript: URL in any attribute (character references
 * and the tabs and newlines browsers ignore in URLs decoded first), or an entity declaration,
 * which could hide any of them. Refused rather than cleaned: a cleaned diagram may no longer be
 * the one the author meant, and they can export it again.
 */
export function svgScript(text: string): SvgScript | undefined {
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  const entity = /<!ENTITY/i.exec(text);
  for (const tag of text.matchAll(TAG)) {
    if (entity && entity.index < (tag.index ?? 0)) break;
    const found = tagScript(tag[1] ?? '', tag[2] ?? '');
    if (found) return { what: found, line: lineAt((tag.index ?? 0) + offsetIn(tag[0], found)) };
  }
  return entity ? { what: 'an entity declaration', line: lineAt(entity.index) } : undefined;
}

function tagScript(name: string, attributes: string): string | undefined {
  const local = name.toLowerCase().replace(/^.*:/, '');
  if (SCRIPT_ELEMENTS.has(local)) return `a <${local}> element`;
  for (const [, attribute = '', quoted = ''] of attributes.matchAll(ATTRIBUTE)) {
    const key = attribute.toLowerCase().replace(/^.*:/, '');
    const value = decodeReferences(quoted.replace(/^["']|["']$/g, ''));
    if (key.startsWith('on')) return `an event attribute, ${key}=`;
    if (key === 'attributename' && value.trim().toLowerCase().startsWith('on')) return `an event attribute, ${value.trim().toLowerCase()}=`;
    // An <iframe srcdoc> document (in a foreignObject) has the SVG's origin too.
    if (key === 'srcdoc') return 'an embedded document, srcdoc=';
    // Animation `values` are a ";" list; any of them may be the URL set.
    if (value.split(';').some((part) => SCRIPT_URL.test(part.replace(/[\u0000-\u0020]/g, '').toLowerCase()))) return 'a javascript: link';
  }
  return undefined;
}

/** Where in the tag the finding is (for its line): the attribute's name, or the tag's start. */
function offsetIn(tag: string, found: string): number {
  const name = /event attribute, (\S+)=/.exec(found)?.[1];
  const at = name ? tag.toLowerCase().search(new RegExp(`[\\s"']${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)) : -1;
  return at >= 0 ? at + 1 : 0;
}

/** XML character references and the predefined entities, as a browser reads attribute values. */
function decodeReferences(value: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", Tab: '\t', NewLine: '\n', colon: ':' };
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));?/gi, (whole, hex?: string, dec?: string, name?: string) => {
    const code = hex ? Number.parseInt(hex, 16) : dec ? Number(dec) : undefined;
    if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : '';
    return named[name ?? ''] ?? whole;
  });
}
