// How many columns of a terminal a text takes: the progress line must fit on one line, or each
// redraw leaves the wrapped part behind and the line scrolls. Most characters take one column;
// CJK ideographs, kana, Hangul, fullwidth forms and emoji take two (East Asian Wide, UAX #11);
// combining marks and format characters none. JavaScript's regular expressions have no
// East_Asian_Width property: the scripts and blocks that are wide stand for it, counting a few
// narrow ones (halfwidth kana) as wide: a line cut a little short is harmless, one too long is
// not. (string-width, which reads UAX #11's data, is an ES module only from version 5, which this
// CommonJS bundle's tests cannot load, and needs Node 22 from version 9.)

const NONE = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}\u1160-\u11ff]$/u;
const TWO = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Emoji_Presentation}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6]$/u;

function columnsOf(char: string): number {
  if (NONE.test(char)) return 0;
  return TWO.test(char) ? 2 : 1;
}

/** The longest start of `text` that takes at most `columns` columns. */
export function fitColumns(text: string, columns: number): string {
  let used = 0;
  let end = 0;
  for (const char of text) {
    used += columnsOf(char);
    if (used > columns) break;
    end += char.length;
  }
  return text.slice(0, end);
}
