// A text as a translator sees it: words, and inline codes standing for the Markdown markup,
// HTML tags and {placeholders} around them, so a CAT tool shows them as tags the translator
// moves but cannot break (XLIFF 2.0 §4.1.3 inline codes; 1.2 §2.4 inline elements).

/** Markup kept as it is; `pair` links an opening code (`**`, `[`) to its closing one. */
export interface Code {
  id: number;
  data: string;
  role: 'standalone' | 'open' | 'close';
  /** The id of the other half of a pair. */
  pair?: number;
}

export type Part = string | Code;

/** A text split into words and codes; `codes` by id, in order of appearance. */
export interface Segmented {
  parts: Part[];
  codes: Map<number, Code>;
}

/** A fenced code block (CommonMark §4.5): code, never translated, and its lines never joined. */
const FENCE = /(?:^|(?<=\n))(?<fence>\x60{3,}|~{3,})[^\n]*\n[\s\S]*?\n\k<fence>[ \t]*(?=\n|$)/gu;

const BLOCK_MARKER = String.raw`(?:[-*+]|\d{1,9}[.)])[ \t]+|#{1,6}[ \t]+|>[ \t]?`;

/**
 * Markdown markup: a line break that ends a paragraph or starts a list item or heading (a soft
 * wrap inside a paragraph is only a space, see `unwrap`), a code span (never translated),
 * HTML tags and autolinks, link and image brackets with their target, emphasis, escapes,
 * entities and placeholders.
 */
const MARKDOWN_CODE = new RegExp(
  [
    FENCE.source,
    String.raw`(?<lead>^(?:${BLOCK_MARKER}))`,
    String.raw`(?<break>[ \t]*\n(?:[ \t]*\n)*[ \t]*(?:${BLOCK_MARKER})?)`,
    String.raw`(?<code>(?<ticks>\x60+)[^\x60]*?\k<ticks>)`,
    String.raw`(?<tag><\/?[A-Za-z][^<>\n]*>)`,
    String.raw`(?<open>!?\[)`,
    String.raw`(?<close>\](?:\([^()\s]*(?:\s+"[^"]*")?\)|\[[^\]]*\])?)`,
    String.raw`(?<emphasis>\*{1,3}|(?<![\p{L}\p{N}])_{1,3}|_{1,3}(?![\p{L}\p{N}]))`,
    String.raw`(?<escape>\\[\\\x60*_{}\[\]()#+\-.!<>|])`,
    String.raw`(?<entity>&(?:#\d+|#x[0-9a-fA-F]+|\w+);)`,
    String.raw`(?<placeholder>\{\w+\})`,
  ].join('|'),
  'gu',
);

/** In plain text only the {placeholders} of UI strings are codes. */
const TEXT_CODE = /(?<placeholder>\{\w+\})/gu;

/**
 * A soft wrap inside a paragraph reads as a space in Markdown (CommonMark §6.8): the exported
 * text carries the space, so a translator never meets a line break inside a sentence. A line
 * that starts a block of its own (list item, heading, quote, table row, fence, HTML, an
 * underline, indented code), a hard break (two spaces) and a blank line stay as they are.
 */
export function unwrap(markdown: string): string {
  let out = '';
  let last = 0;
  for (const fence of markdown.matchAll(FENCE)) {
    out += unwrapProse(markdown.slice(last, fence.index)) + fence[0];
    last = (fence.index ?? 0) + fence[0].length;
  }
  return out + unwrapProse(markdown.slice(last));
}

function unwrapProse(text: string): string {
  return text.replace(/([^\n |])[ \t]?\n[ \t]{0,3}(?=\S)(?![-*+][ \t]|[-=]+[ \t]*(?:\n|$)|[*_]{3,}[ \t]*(?:\n|$)|#{1,6}(?:[ \t]|$)|\d{1,9}[.)][ \t]|[>|\x60~<])/gu, '$1 ');
}

/** Splits a text into words and codes; Markdown markup counts only in Markdown text. */
export function segment(text: string, markdown: boolean): Segmented {
  const source = markdown ? unwrap(text) : text;
  const parts: Part[] = [];
  const codes = new Map<number, Code>();
  const openings: Code[] = [];
  let last = 0;
  for (const match of source.matchAll(markdown ? MARKDOWN_CODE : TEXT_CODE)) {
    const at = match.index ?? 0;
    if (at > last) parts.push(source.slice(last, at));
    last = at + match[0].length;
    const code: Code = { id: codes.size + 1, data: match[0], role: 'standalone' };
    codes.set(code.id, code);
    parts.push(code);
    pairUp(code, match.groups ?? {}, openings);
  }
  if (last < source.length) parts.push(source.slice(last));
  return { parts, codes };
}

/** Opens or closes a pair: emphasis closes the same delimiter, `](…)` the nearest `[`. */
function pairUp(code: Code, groups: Record<string, string | undefined>, openings: Code[]): void {
  const closes = groups.close !== undefined ? (open: Code) => open.data.endsWith('[') : groups.emphasis !== undefined ? (open: Code) => open.data === code.data : undefined;
  const index = closes ? findLastIndex(openings, closes) : -1;
  if (closes && index >= 0) {
    const open = openings[index] as Code;
    // Codes opened inside and never closed stay standalone: pairs nest, as XML elements must.
    openings.length = index;
    open.role = 'open';
    open.pair = code.id;
    code.role = 'close';
    code.pair = open.id;
  } else if (groups.open !== undefined || groups.emphasis !== undefined) {
    openings.push(code);
  }
}

function findLastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return i;
  return -1;
}

/** The text again, codes written as their markup. */
export function joinParts(parts: readonly Part[]): string {
  return parts.map((part) => (typeof part === 'string' ? part : part.data)).join('');
}

/** The same parts in a comparable form: words, and codes by id and markup. */
export function sameParts(a: readonly Part[], b: readonly Part[]): boolean {
  const key = (parts: readonly Part[]) => JSON.stringify(parts.map((part) => (typeof part === 'string' ? part : [part.id, part.data])));
  return key(a) === key(b);
}
