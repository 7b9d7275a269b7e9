import type { Scalar } from 'yaml';
import { type SourceFile, type SourceSpan, spanOf, spanOfRange, translatedSpan } from '../diagnostics';

/**
 * Finds things written inside one YAML text (a tag, a link) in the file itself, in the order
 * they are written: the position is the line and column where that thing starts in the YAML
 * file. Where the text is written with YAML escapes that hide it (`\x3c` for `<`), or folded
 * so that it is not found, the position is the start of the text; for a text that came from a
 * translation, the start of its target in the .xlf file (the YAML holds the source's words).
 */
export class TextLocator {
  private readonly start: number;
  private readonly source: string;
  private cursor = 0;

  constructor(
    private readonly file: SourceFile,
    private readonly node: Scalar,
  ) {
    const [start = 0, end = start] = node.range ?? [];
    this.start = start;
    this.source = file.text.slice(start, end);
  }

  /** The first of `needles` found after the previous find (case-insensitive for strings). */
  find(needles: ReadonlyArray<string | RegExp>): SourceSpan {
    const translated = translatedSpan(this.file, this.node);
    if (translated) return translated;
    for (const needle of needles) {
      const pattern = typeof needle === 'string' ? new RegExp(escape(needle), 'i') : needle;
      const match = pattern.exec(this.source.slice(this.cursor));
      if (match) {
        const offset = this.cursor + match.index;
        this.cursor = offset + match[0].length;
        return spanOfRange(this.file, this.start + offset, this.start + offset + match[0].length);
      }
    }
    return spanOf(this.file, this.node);
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
