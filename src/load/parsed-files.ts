// YAML files as parsed before, by path and text: a course's other languages, and a preview or
// --watch rebuild after a save, parse only what changed. Parsing is half of checking a course.
import { type Document, LineCounter, parseDocument } from 'yaml';
import { refuseUnknownTags } from './yaml-errors';

export interface Parsed {
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

export class ParsedFiles {
  private readonly files = new Map<string, Parsed & { text: string }>();

  /**
   * `text` of the file at `path`, parsed. Read only, the document kept is handed out as it is
   * (nothing but translation writes into a loaded document); `writable` (a load to translate),
   * a copy of its own.
   */
  parse(path: string, text: string, writable: boolean): Parsed {
    let known = this.files.get(path);
    if (known?.text !== text) {
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
      refuseUnknownTags(doc);
      this.files.set(path, (known = { text, doc, lineCounter }));
    }
    // The line counter is only read once the text is parsed: it can be shared.
    return { doc: writable ? (known.doc.clone() as Document.Parsed) : known.doc, lineCounter: known.lineCounter };
  }
}
