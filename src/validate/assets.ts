import { existsSync, readFileSync, statSync } from 'node:fs';
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
  const root = reader.loaded.root;
  const absolute = resolve(root, path);
  if (!isInside(root, absolute)) {
    reader.report.add(messages.pathOutsideCourse(span, path));
    return undefined;
  }
  if (!existsSync(absolute) || !statSync(absolute).isFile()) {
    reader.report.add(messages.fileNotFound(span, path, 'image'));
    return undefined;
  }
  if (!staysInside(root, absolute)) {
    reader.report.add(messages.linkOutsideCourse(span, path));
    return undefined;
  }
  if (!IMAGE_TYPES.includes(extname(absolute).toLowerCase())) {
    reader.report.add(messages.unsupportedAsset(span, path, IMAGE_TYPES));
    return undefined;
  }
  const size = statSync(absolute).size;
  if (size > MAX_ASSET_BYTES) {
    reader.report.add(messages.fileTooLarge(span, path, size, MAX_ASSET_BYTES));
    return undefined;
  }
  if (!checkContent(reader, path, absolute, span)) return undefined;
  return { path: relative(root, absolute).split(sep).join('/'), absolutePath: absolute, span };
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
