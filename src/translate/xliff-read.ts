// Reads an XLIFF 2.0 or 1.2 file back, keeping where each element starts so every problem of a
// translation is reported at its place in the .xlf file (file:line:column).
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { Position, SourceSpan } from '../diagnostics';
import { PREVIOUS_SOURCE, type XliffVersion } from './xliff-write';

/** An element of a source or target: text, or an inline code with what it holds. */
export type ReadInline = string | ReadCode;

export interface ReadCode {
  element: string;
  attributes: Record<string, string>;
  content: ReadInline[];
  at: SourceSpan;
}

export interface ReadUnit {
  id: string;
  at: SourceSpan;
  source: ReadInline[];
  target?: ReadInline[];
  targetAt?: SourceSpan;
  /** 2.0: the segment's state; 1.2: the target's. */
  state?: string;
  /** 2.0 <originalData>: the markup of each code by data id. */
  data: Map<string, string>;
  previousSource?: string;
}

export interface ReadXliff {
  version: XliffVersion;
  sourceLanguage: string;
  targetLanguage: string;
  /** Where the target language is given (the root in 2.0, <file> in 1.2). */
  targetLanguageAt: SourceSpan;
  units: ReadUnit[];
}

export class XliffSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: SourceSpan,
  ) {
    super(message);
  }
}

const NAMESPACES: Record<string, XliffVersion> = { 'urn:oasis:names:tc:xliff:document:2.0': '2.0', 'urn:oasis:names:tc:xliff:document:1.2': '1.2' };

/** Parses the file; throws XliffSyntaxError (positioned) when it is not XML or not XLIFF. */
export function readXliff(text: string, file: string): ReadXliff {
  const where = locator(text, file);
  const parser = new SaxesParser({ xmlns: true, position: true });
  const state = new ReadState();
  let tagStart = 0;
  parser.on('opentagstart', () => {
    tagStart = Math.max(0, text.lastIndexOf('<', parser.position - 1));
  });
  parser.on('opentag', (tag) => state.open(tag as SaxesTagNS, where(tagStart)));
  parser.on('closetag', (tag) => state.close(tag as SaxesTagNS));
  parser.on('text', (chunk) => state.text(chunk));
  parser.on('cdata', (chunk) => state.text(chunk));
  parser.on('error', (error) => {
    throw new XliffSyntaxError(`This is not well-formed XML: ${error.message.replace(/^[^:]*:\d+:\d+: /, '')}.`, where(Math.min(parser.position, text.length)));
  });
  parser.write(text).close();
  return state.result(where(0));
}

/** Offsets to file:line:column positions. */
function locator(text: string, file: string): (offset: number) => SourceSpan {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const position = (offset: number): Position => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1, offset };
  };
  return (offset) => ({ file, start: position(offset), end: position(offset) });
}

interface Frame {
  code: ReadCode;
}

/** Builds units from the element events; only the elements this tool reads are kept. */
class ReadState {
  version?: XliffVersion;
  sourceLanguage = '';
  targetLanguage = '';
  targetLanguageAt?: SourceSpan;
  units: ReadUnit[] = [];
  private unit?: ReadUnit;
  /** The inline content being read (source, target, data, note) and the codes open in it. */
  private content?: { into: 'source' | 'target' | 'data' | 'note'; parts: ReadInline[]; stack: Frame[]; dataId?: string; noteKind?: string };

  open(tag: SaxesTagNS, at: SourceSpan): void {
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((attribute) => [attribute.prefix ? `${attribute.prefix}:${attribute.local}` : attribute.local, attribute.value]));
    if (!this.version) return this.root(tag, attributes, at);
    if (tag.uri !== namespaceOf(this.version)) return;
    if (this.content) return this.openInline(tag.local, attributes, at);
    if (tag.local === 'file' && this.version === '1.2') {
      this.sourceLanguage = attributes['source-language'] ?? '';
      this.targetLanguage = attributes['target-language'] ?? '';
      this.targetLanguageAt = at;
    } else if (tag.local === 'unit' || tag.local === 'trans-unit') {
      this.unit = { id: attributes.id ?? '', at, source: [], data: new Map() };
      this.units.push(this.unit);
    } else if (this.unit && tag.local === 'segment') {
      this.unit.state = attributes.state ?? 'initial';
    } else if (this.unit && (tag.local === 'source' || tag.local === 'target')) {
      this.content = { into: tag.local, parts: [], stack: [] };
      if (tag.local === 'target') {
        this.unit.targetAt = at;
        if (this.version === '1.2') this.unit.state = attributes.state;
      }
    } else if (this.unit && tag.local === 'data') {
      this.content = { into: 'data', parts: [], stack: [], dataId: attributes.id };
    } else if (this.unit && tag.local === 'note') {
      this.content = { into: 'note', parts: [], stack: [], noteKind: attributes.category ?? attributes.from };
    }
  }

  private root(tag: SaxesTagNS, attributes: Record<string, string>, at: SourceSpan): void {
    const version = NAMESPACES[tag.uri];
    if (tag.local !== 'xliff' || !version) throw new XliffSyntaxError('This is not an XLIFF file: its root element must be <xliff> in the XLIFF 2.0 or 1.2 namespace.', at);
    this.version = version;
    if (version === '2.0') {
      this.sourceLanguage = attributes.srcLang ?? '';
      this.targetLanguage = attributes.trgLang ?? '';
      this.targetLanguageAt = at;
    }
  }

  private openInline(element: string, attributes: Record<string, string>, at: SourceSpan): void {
    const content = this.content!;
    const code: ReadCode = { element, attributes, content: [], at };
    (content.stack.at(-1)?.code.content ?? content.parts).push(code);
    content.stack.push({ code });
  }

  text(chunk: string): void {
    const content = this.content;
    if (!content) return;
    (content.stack.at(-1)?.code.content ?? content.parts).push(chunk);
  }

  close(tag: SaxesTagNS): void {
    const content = this.content;
    if (!content || tag.uri !== namespaceOf(this.version)) return;
    if (content.stack.length > 0) {
      content.stack.pop();
      return;
    }
    const unit = this.unit;
    this.content = undefined;
    if (!unit) return;
    if (content.into === 'source') unit.source = content.parts;
    else if (content.into === 'target') unit.target = content.parts;
    else if (content.into === 'data' && content.dataId) unit.data.set(content.dataId, plain(content.parts));
    else if (content.into === 'note' && content.noteKind === PREVIOUS_SOURCE) unit.previousSource = plain(content.parts);
  }

  result(start: SourceSpan): ReadXliff {
    if (!this.version) throw new XliffSyntaxError('This file is empty: an XLIFF file has an <xliff> root element.', start);
    return { version: this.version, sourceLanguage: this.sourceLanguage, targetLanguage: this.targetLanguage, targetLanguageAt: this.targetLanguageAt ?? start, units: this.units };
  }
}

function namespaceOf(version: XliffVersion | undefined): string | undefined {
  return Object.keys(NAMESPACES).find((uri) => NAMESPACES[uri] === version);
}

/** The text of an element, whatever codes it holds (notes and data hold none). */
export function plain(parts: readonly ReadInline[]): string {
  return parts.map((part) => (typeof part === 'string' ? part : plain(part.content))).join('');
}
