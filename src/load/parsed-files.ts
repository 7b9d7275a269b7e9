// YAML files as parsed before, by path and text: a course's second language, and a preview or
// --watch rebuild after a save, parse only what changed. Parsing is half of checking a course.
import { type Document, LineCounter, parseDocument } from 'yaml';
import { refuseUnknownTags } from './yaml-errors';

export interface Parsed {
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

export class ParsedFiles {
  private readonly files = new Map<string, Parsed & { text: string }>();

  /** `text` of the file at `path`, parsed; a document of its own, since translation writes into it. */
  parse(path: string, text: string): Parsed {
    let known = this.files.get(path);
    if (known?.text !== text) {
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
      refuseUnknownTags(doc);
      this.files.set(path, (known = { text, doc, lineCounter }));
    }
    // The line counter is read only once the text is parsed: it can be shared.
    return { doc: known.doc.clone() as Document.Parsed, lineCounter: known.lineCounter };
  }
}
