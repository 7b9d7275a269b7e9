// The Markdown texts of a course, checked for what would otherwise be lost on the way to the
// page: a file of the course that a link or image points to is packaged (or refused where it is
// written when it is missing or outside the course), and every tag or attribute the sanitiser
// removes is named in a warning at the line where it is written.
import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { isPair, isScalar, isSeq, type Scalar } from 'yaml';
import { type Diagnostic, messages, type Report, type SourceFile, type SourceSpan } from '../diagnostics';
import type { LoadedCourse } from '../load';
import { isInside, staysInside } from '../load/paths';
import { walkYaml, type YamlWalker } from '../load/yaml-walk';
import { BLOCK_TAGS, inspectMarkdown } from '../markdown';
import type { Asset } from '../model';
import { MAX_ASSET_BYTES, readImage } from './assets';
import { TextLocator } from './text-locator';
import { Reader } from './reader';

interface MarkdownText {
  file: SourceFile;
  node: Scalar;
  key: string;
  /** A prompt or a choice: one line of inline Markdown, no paragraphs. */
  inline: boolean;
}

/** The files every Markdown text of the course links to or shows; problems go to the report. */
export function readMarkdownFiles(loaded: LoadedCourse, report: Report): Asset[] {
  const assets: Asset[] = [];
  for (const text of loaded.files.flatMap(markdownTexts)) {
    const source = String(text.node.value);
    const findings = inspectMarkdown(source, text.inline);
    const removals = new TextLocator(text.file, text.node);
    for (const removed of findings.removed) {
      // Written as HTML (<img src=…>) or in Markdown (![…](src)): the tag, else what it links to.
      const values = [removed.attribs.src, removed.attribs.href].filter((value): value is string => Boolean(value));
      const at = removals.find(removed.attribute ? [new RegExp(`\\b${removed.attribute}\\s*=`, 'i'), ...values] : [`<${removed.tag}`, ...values]);
      report.add(messages.htmlRemoved(at, text.key, removed, BLOCK_TAGS));
    }
    const reader = new Reader(text.file, report, loaded);
    const links = new TextLocator(text.file, text.node);
    for (const [url, what] of [...findings.links.map((url) => [url, 'linked file'] as const), ...findings.images.map((url) => [url, 'image'] as const)]) {
      const path = coursePath(url);
      if (path === undefined) continue;
      const span = links.find([url, path]);
      const asset = what === 'image' ? courseFile(reader, path, span, what) && readImage(reader, path, span) : courseFile(reader, path, span, what);
      if (asset) assets.push(asset);
    }
  }
  return assets;
}

/**
 * The path of a file of the course a link points to, percent-decoding undone and any query or
 * fragment left out; undefined for a web address, an e-mail link or a link within the page.
 */
function coursePath(url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('#')) return undefined;
  const path = url.split(/[?#]/)[0] ?? '';
  if (path === '') return undefined;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** A file inside the course folder (relative to it, as images are), or undefined after reporting why not. */
export function courseFile(reader: Reader, path: string, span: SourceSpan, what: 'linked file' | 'image'): Asset | undefined {
  const root = reader.loaded.root;
  const absolute = resolve(root, path);
  const problem = fileProblem(reader.loaded, absolute, path, span, what);
  if (problem) {
    reader.report.add(problem);
    return undefined;
  }
  return { path: relative(root, absolute).split(sep).join('/'), absolutePath: absolute, span };
}

function fileProblem({ root, realRoot }: LoadedCourse, absolute: string, path: string, span: SourceSpan, what: 'linked file' | 'image'): Diagnostic | undefined {
  if (!isInside(root, absolute)) return messages.pathOutsideCourse(span, path);
  if (!existsSync(absolute) || !statSync(absolute).isFile()) return messages.linkedFileNotFound(span, path, what);
  // A symbolic link inside the folder may still point outside it.
  if (!staysInside(realRoot, absolute)) return messages.pathOutsideCourse(span, path);
  const size = statSync(absolute).size;
  return size > MAX_ASSET_BYTES ? messages.fileTooLarge(span, path, size, MAX_ASSET_BYTES) : undefined;
}

// Where the course format takes Markdown (docs/course-format.md). `text` is a scene's or a
// content block's text (block) or a choice's (inline, an item of `choices`); `correct`/`incorrect`
// only under `feedback`; `points` is a key-points block's list (inline items).
const BLOCK_KEYS = ['body', 'intro', 'feedback', 'back', 'transcript'];
const INLINE_KEYS = ['prompt', 'statement', 'source', 'target'];
const INLINE_LISTS = ['items', 'points'];

/** Every Markdown text of one YAML file, whatever the validator made of the rest. */
function markdownTexts(file: SourceFile): MarkdownText[] {
  const texts: FoundTexts = { file, found: [] };
  walkYaml(file.doc, TEXTS, texts);
  return texts.found;
}

interface FoundTexts {
  file: SourceFile;
  found: MarkdownText[];
}

// Module-level, not closures made per file: see walkYaml.
const TEXTS: YamlWalker<FoundTexts> = {
  Pair(pair, path, texts) {
    if (!isScalar(pair.key)) return;
    const key = String(pair.key.value);
    const holder = path[path.length - 2];
    if (BLOCK_KEYS.includes(key)) addText(texts, pair.value, key, false);
    else if (INLINE_KEYS.includes(key)) addText(texts, pair.value, key, true);
    else if (key === 'text') addText(texts, pair.value, key, isSeq(holder) && isKey(path[path.length - 3], 'choices'));
    else if ((key === 'correct' || key === 'incorrect') && isKey(holder, 'feedback')) addText(texts, pair.value, key, false);
    else if (INLINE_LISTS.includes(key) && isSeq(pair.value)) for (const item of pair.value.items) addText(texts, item, key, true);
  },
};

function addText(texts: FoundTexts, node: unknown, key: string, inline: boolean): void {
  if (isScalar(node) && typeof node.value === 'string') texts.found.push({ file: texts.file, node, key, inline });
}

/** A pair with this key (the holder of a mapping nested in it). */
function isKey(node: unknown, key: string): boolean {
  return isPair(node) && isScalar(node.key) && node.key.value === key;
}
