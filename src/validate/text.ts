// Characters a course's text must not carry: XML 1.0 (§2.2, Char) allows no C0 control other
// than tab, newline and carriage return, and neither U+FFFE nor U+FFFF, so one of them in a title
// makes every manifest ill-formed and the LMS refuses the package. Browsers do not show them
// either. They arrive invisibly with text pasted from Word (Shift+Enter is U+000B) or PDFs.

const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** What a forbidden character is, in words, for the message. */
const NAMES: Record<string, string> = {
  '\u0000': 'a NUL character',
  '\u0007': 'a bell character',
  '\u0008': 'a backspace',
  '\u000b': "a line break from Word's Shift+Enter",
  '\u000c': 'a page break',
  '\u001b': 'an escape character',
  '\ufffe': 'a byte-order mark read the wrong way round',
  '\uffff': 'a character that does not exist',
};

export interface ForbiddenCharacter {
  /** "U+000B". */
  code: string;
  name: string;
  /** A few visible characters next to it, to find it by: it cannot be seen in an editor. */
  near: string;
}

/** The first forbidden character of a text, or undefined when the text is clean. */
export function forbiddenCharacter(text: string): ForbiddenCharacter | undefined {
  const match = FORBIDDEN.exec(text);
  if (!match) return undefined;
  const char = match[0];
  return { code: codeOf(char), name: NAMES[char] ?? 'a control character', near: neighbours(text, match.index) };
}

function codeOf(char: string): string {
  return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function neighbours(text: string, index: number): string {
  const after = /^\S{1,20}/.exec(text.slice(index + 1).replace(FORBIDDEN_ALL, ''))?.[0];
  if (after) return `just before "${after}"`;
  const before = /\S{1,20}$/.exec(text.slice(0, index).replace(FORBIDDEN_ALL, ''))?.[0];
  return before ? `just after "${before}"` : 'where the text begins';
}

const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'g');

/**
 * Where in a YAML scalar's source the forbidden character is written: the character itself, or
 * in a double-quoted string (`escapes`) the escape that stands for it ("\v", "\x0b",
 * "\u000b"…); -1 when neither is found.
 */
export function forbiddenCharacterSource(source: string, escapes: boolean): number {
  if (!escapes) return source.search(FORBIDDEN);
  const unit = /\\\\|\\(?:[0abtvfe]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})|[^]/g;
  for (let match = unit.exec(source); match; match = unit.exec(source)) {
    if (FORBIDDEN.test(decodeEscape(match[0]))) return match.index;
  }
  return -1;
}

const SINGLE: Record<string, string> = { '0': '\u0000', a: '\u0007', b: '\u0008', t: '\t', v: '\u000b', f: '\u000c', e: '\u001b' };

function decodeEscape(text: string): string {
  if (!text.startsWith('\\')) return text;
  const body = text.slice(1);
  if (body.length === 1) return SINGLE[body] ?? body;
  const code = Number.parseInt(body.slice(1), 16);
  return code <= 0x10ffff ? String.fromCodePoint(code) : '';
}
