import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { extname, relative, resolve, sep } from 'node:path';
import { messages, type Report, type SourceSpan } from '../diagnostics';
import { isInside, staysInside } from '../load/paths';
import type { Asset } from '../model';
import { GENERATED_FILES, isGeneratedFile } from '../standards/package-files';
import { EXTENSION_KINDS, type ImageKind, imageKind, KIND_NAMES, svgScript } from './image-content';
import type { Fields, Reader } from './reader';

/** The file name extensions of images a course may hold. */
export const IMAGE_TYPES: readonly string[] = Object.keys(EXTENSION_KINDS);
/** An image larger than this would make the package slow on every learner's device. */
export const MAX_ASSET_BYTES = 10 * 1024 * 1024;

/**
 * The image a key of `fields` names, added to the assets the course packages: undefined when
 * the key is absent, false when the image is not valid (reported).
 */
export function packagedImage(fields: Fields, key: string, assets: Asset[]): Asset | undefined | false {
  const path = fields.string(key);
  if (path === undefined) return fields.has(key) ? false : undefined;
  const image = readImage(fields.reader, path, fields.spanOf(key));
  if (image) assets.push(image);
  return image ?? false;
}

/** Resolves an image path (relative to the course folder) to an Asset, or reports why not. */
export function readImage(reader: Reader, path: string, span: SourceSpan): Asset | undefined {
  const asset = readCourseFile(reader, path, span, { what: 'image', extensions: IMAGE_TYPES });
  return asset && checkContent(reader, path, asset.absolutePath, span) ? asset : undefined;
}

/** What a file named in the course must be: its kind in words and the extensions it may have. */
export interface FileKind {
  what: string;
  extensions: readonly string[];
  /** Larger files are refused; MAX_ASSET_BYTES unless said (a video is larger than a picture). */
  maxBytes?: number;
  /** By extension: whether the file's first bytes are of that format (a player goes by them). */
  signatures?: Readonly<Record<string, (head: Buffer) => boolean>>;
}

/**
 * Resolves a path (relative to the course folder) to an Asset: a file inside the course, of an
 * extension the kind allows and not too large; otherwise reports why not where the path is written.
 */
export function readCourseFile(reader: Reader, path: string, span: SourceSpan, kind: FileKind): Asset | undefined {
  const root = reader.loaded.root;
  const absolute = resolve(root, path);
  if (!isInside(root, absolute)) {
    reader.report.add(messages.pathOutsideCourse(span, path));
    return undefined;
  }
  if (!existsSync(absolute) || !statSync(absolute).isFile()) {
    reader.report.add(messages.fileNotFound(span, path, kind.what));
    return undefined;
  }
  if (!staysInside(reader.loaded.realRoot, absolute)) {
    reader.report.add(messages.linkOutsideCourse(span, path));
    return undefined;
  }
  if (!kind.extensions.includes(extname(absolute).toLowerCase())) {
    reader.report.add(kind.what === 'image' ? messages.unsupportedAsset(span, path, kind.extensions) : messages.unsupportedFile(span, path, kind.what, kind.extensions));
    return undefined;
  }
  const size = statSync(absolute).size;
  const limit = kind.maxBytes ?? MAX_ASSET_BYTES;
  if (size > limit) {
    reader.report.add(messages.fileTooLarge(span, path, size, limit));
    return undefined;
  }
  const extension = extname(absolute).toLowerCase();
  const signature = kind.signatures?.[extension];
  if (signature && !signature(readHead(absolute))) {
    reader.report.add(messages.fileContent(span, path, extension, kind.what));
    return undefined;
  }
  return { path: relative(root, absolute).split(sep).join('/'), absolutePath: absolute, span };
}

/** The first bytes of a file, where formats say what they are. */
function readHead(absolute: string): Buffer {
  const head = Buffer.alloc(16);
  const fd = openSync(absolute, 'r');
  try {
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** The bytes must be the image the name promises; an SVG must not carry script. */
function checkContent(reader: Reader, path: string, absolute: string, span: SourceSpan): boolean {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch (cause) {
    reader.report.add(messages.fileUnreadable(span, path, cause));
    return false;
  }
  const extension = extname(absolute).toLowerCase();
  const promised = EXTENSION_KINDS[extension];
  const kind = imageKind(bytes);
  if (kind !== promised) {
    reader.report.add(messages.imageContent(span, path, extension, kind && KIND_NAMES[kind], kind && extensionOf(kind)));
    return false;
  }
  const script = kind === 'svg' ? svgScript(bytes.toString('utf8')) : undefined;
  if (script) reader.report.add(messages.svgScript(span, path, script.what, script.line));
  return !script;
}

function extensionOf(kind: ImageKind): string {
  return Object.keys(EXTENSION_KINDS).find((extension) => EXTENSION_KINDS[extension] === kind) ?? `.${kind}`;
}

/**
 * Each asset once, sorted by path, so the package is the same whatever the page order; one named
 * like a file coursepack generates (index.html, a manifest) is refused where it is referred to.
 */
export function uniqueAssets(assets: Asset[], report: Report): Asset[] {
  const byPath = new Map<string, Asset>();
  for (const asset of assets) {
    if (isGeneratedFile(asset.path)) report.add(messages.reservedPath(asset.span, asset.path, GENERATED_FILES));
    else if (!byPath.has(asset.path)) byPath.set(asset.path, asset);
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
