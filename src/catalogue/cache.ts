// The build cache: a course's package for a target is rebuilt only when something it is made of
// changed. A record per course and output folder lists every input with its content hash: the
// files the loader read (course.yaml, included files, template overrides, assets and linked
// files), the listing of its templates/ folder (a new override changes the page without any
// other file changing), the tool (its version, its compiled code, its runtime and templates) and
// each package's own hash, so a zip changed or removed since is rebuilt; and the build's
// warnings, shown again when the course is left unchanged. Content, never times:
// a checkout or a copy that touches every file still hits, and an edit undone in the same second
// still misses. Records live in the user's cache folder (as the CLI's code cache does), not in
// the output folder, which keeps nothing but the packages.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import type { Diagnostic, Position } from '../diagnostics';
import { RACY_MS, stamp } from '../load/file-stamp';
import { displayPath } from '../load/paths';
import { eachPiece, STREAMED_FROM_BYTES } from '../render/output-file';
import { toolRoot } from '../tool-root';

/** Bumped when the record's shape or meaning changes (3: --lms, chosen targets, languages, translations; 4: warnings; 5: signatures). */
const RECORD_FORMAT = 5;

/** The user's cache folder for coursepack: $COURSEPACK_CACHE_DIR, else the XDG one. */
export function cacheDir(): string {
  return process.env.COURSEPACK_CACHE_DIR || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'coursepack');
}

export interface CachedPackage {
  path: string;
  bytes: number;
  hash: string;
}

/**
 * A warning of the build, kept so that a build left unchanged still shows it (a changed policy
 * document warns until its version is raised): its place by absolute path, shown again from
 * wherever the next build runs.
 */
export interface CachedWarning {
  code: string;
  message: string;
  hint?: string;
  span?: { path: string; start: Position; end: Position };
}

/** Each input file's content hash, by absolute path. */
export type InputHashes = Record<string, string>;

interface CacheRecord {
  format: number;
  tool: string;
  id: string;
  courseFile: string;
  inputs: InputHashes;
  templates: string;
  /** The listing of translations/: a translation file added later changes the packages. */
  translations: string;
  /** The course's `languages:`; absent for a course in one language. */
  languages?: string[];
  /** By package key: the target, or `<language>:<target>` for a course in several languages. */
  packages: Record<string, CachedPackage>;
  /** The --lms the packages were built with (its profile shapes them); null: none. */
  lms: string | null;
  /** The targets the course chose itself (no --target), if a build without --target recorded them. */
  chosen?: string[];
  warnings: CachedWarning[];
  /** Of inputs and packages unchanged since before the run that recorded them: their Stamp signatures. */
  signatures: Record<string, string>;
}

/** What the command line picked (compile.ts's Selection, kept loose here). */
interface Selection {
  targets?: readonly string[];
  lms?: string;
  languages?: readonly string[];
}

/** What a lookup found still current: the course's id and the packages left as they are. */
export interface CacheHit {
  id: string;
  courseFile: string;
  /** The targets this build makes: the command line's, else those the course chose last time. */
  targets: string[];
  /** The course's `languages:` when it was built; absent for a course in one language. */
  languages?: string[];
  packages: Map<string, CachedPackage>;
  warnings: CachedWarning[];
}

/**
 * The recorded warnings as diagnostics again, and the texts of their files for code frames (read
 * now: their hashes matched the record, so they are the texts the warnings were found in).
 */
export function replayedWarnings(warnings: readonly CachedWarning[]): { diagnostics: Diagnostic[]; sources: Array<{ displayPath: string; text: string }> } {
  const diagnostics = warnings.map(({ span, ...warning }): Diagnostic => ({ ...warning, severity: 'warning', ...(span && { span: { file: displayPath(span.path), start: span.start, end: span.end } }) }));
  const paths = [...new Set(warnings.flatMap((warning) => (warning.span ? [warning.span.path] : [])))];
  const sources = paths.flatMap((path) => {
    try {
      return [{ displayPath: displayPath(path), text: readFileSync(path, 'utf8') }];
    } catch {
      return [];
    }
  });
  return { diagnostics, sources };
}

function cachedWarning({ code, message, hint, span }: Diagnostic): CachedWarning {
  return { code, message, ...(hint !== undefined && { hint }), ...(span && { span: { path: resolve(span.file), start: span.start, end: span.end } }) };
}

/** A package's key in the record: the target, or `<language>:<target>` for a course in several languages. */
export function packageKey(target: string, language?: string): string {
  return language ? `${language}:${target}` : target;
}

const sha1 = (data: string | Buffer) => createHash('sha1').update(data).digest('hex');

/** Each warning once (a kept target's and this build's may be the same), the first first. */
function unique(warnings: readonly CachedWarning[]): CachedWarning[] {
  return [...new Map(warnings.map((warning) => [JSON.stringify(warning), warning])).values()];
}

/**
 * The file's SHA-1; a large one (a video, or a package holding it) read in pieces: read whole, a
 * 190 MB video was held once more by the build, and each of its packages by an unchanged one.
 */
function hashFile(path: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    if (fstatSync(fd).size < STREAMED_FROM_BYTES) return sha1(readFileSync(fd));
    const hash = createHash('sha1');
    eachPiece(fd, (piece) => hash.update(piece));
    return hash.digest('hex');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The bundle's hash as bin/coursepack.js computed it for its code cache (path, size, mtime and
 * SHA-1 in COURSEPACK_BUNDLE), taken only while the file is still that one: reading and hashing
 * 2 MB again cost a cold build 14 ms, and each build worker as much.
 */
function hashHandedOver(path: string): string | undefined {
  const [file, size, mtime, hash] = (process.env.COURSEPACK_BUNDLE ?? '').split('|');
  if (file !== path || !hash) return undefined;
  try {
    const stat = statSync(path);
    return String(stat.size) === size && String(stat.mtimeMs) === mtime ? hash : undefined;
  } catch {
    return undefined;
  }
}

/** Every file and folder below `folder` (dot-files too), sorted; '' when there is no folder. */
function listing(folder: string): string {
  const names: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      names.push(relative(folder, path).split(sep).join('/') + (entry.isDirectory() ? '/' : ''));
      if (entry.isDirectory()) walk(path);
    }
  };
  walk(folder);
  return names.sort().join('\n');
}

let tool: string | undefined;

/**
 * The tool's own fingerprint: its version and the hash of everything of it that shapes a
 * package: the compiled CLI (dist/index.js, the compiler itself), the learners' runtime and
 * every built-in template, manifest template and UI string file.
 */
export function toolFingerprint(): string {
  if (tool) return tool;
  const root = toolRoot();
  const hash = createHash('sha1').update(`${RECORD_FORMAT}\0${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}\0`);
  const runtimes = readdirSync(join(root, 'dist/runtime')).sort().map((name) => `dist/runtime/${name}`);
  const bundle = join(root, 'dist/index.js');
  hash.update(`dist/index.js\0${hashHandedOver(bundle) ?? hashFile(bundle) ?? 'missing'}\0`);
  for (const file of runtimes) hash.update(`${file}\0${hashFile(join(root, file)) ?? 'missing'}\0`);
  const templates = join(root, 'templates');
  for (const name of listing(templates).split('\n')) hash.update(`${name}\0${name.endsWith('/') ? '' : hashFile(join(templates, name))}\0`);
  return (tool = hash.digest('hex'));
}

/**
 * Records no build has used for this long are removed: builds into folders since gone (a CI's
 * temporary folder, a deleted checkout, a test's) would otherwise pile up in the user's cache. A
 * record in use is touched by each build that finds its course unchanged. Removing one costs at
 * most a rebuild of that course.
 */
const RECORD_DAYS = 30;
const DAY_MS = 86_400_000;
/** The last prune, by its mtime: the folder is walked at most once a day. */
const PRUNED_MARKER = '.pruned';

/**
 * Whether the file holds the bytes recorded as `hash`: by its signature when the record has it
 * (nothing about the file changed since a run found it so), else by reading it. Signatures of
 * files found the same, and not changed since shortly before `since`, are added to `seen`.
 */
function holds(record: CacheRecord, path: string, hash: string, seen: Record<string, string>, since: number): boolean {
  const now = stamp(path);
  if (!now) return false;
  if (record.signatures[path] === now.signature) {
    seen[path] = now.signature;
    return true;
  }
  if (hashFile(path) !== hash) return false;
  if (now.changedMs < since - RACY_MS) seen[path] = now.signature;
  return true;
}

let pruneChecked = false;

/** Once per process, and once a day: removes the records unused for RECORD_DAYS. */
function pruneOldRecords(folder: string): void {
  if (pruneChecked) return;
  pruneChecked = true;
  const marker = join(folder, PRUNED_MARKER);
  const now = Date.now();
  try {
    if (now - statSync(marker).mtimeMs < DAY_MS) return;
  } catch {
    // Never pruned: now.
  }
  writeFileSync(marker, '');
  for (const name of readdirSync(folder)) {
    if (!name.endsWith('.json')) continue;
    const path = join(folder, name);
    try {
      if (now - statSync(path).mtimeMs > RECORD_DAYS * DAY_MS) rmSync(path, { force: true });
    } catch {
      // Removed meanwhile by another run.
    }
  }
}

export class BuildCache {
  private readonly folder: string;
  private readonly force: boolean;
  /**
   * The course being built (a thread builds one at a time): when its lookup began and the record it
   * found, for its signatures. One, so a run's memory does not grow with its courses; a course
   * that is not this one trusts no signature and records none.
   */
  private current: { file: string; since: number; record?: CacheRecord; seen: Record<string, string> } | undefined;

  /** `force`: every lookup misses (`--force`), but builds are still recorded for the next run. */
  constructor(private readonly outDir: string, options: { force?: boolean; folder?: string } = {}) {
    this.folder = options.folder ?? join(cacheDir(), 'builds');
    this.force = Boolean(options.force);
  }

  private recordPath(courseFile: string): string {
    return join(this.folder, `${sha1(`${resolve(courseFile)}\0${resolve(this.outDir)}`)}.json`);
  }

  private read(courseFile: string): CacheRecord | undefined {
    try {
      const record = JSON.parse(readFileSync(this.recordPath(courseFile), 'utf8')) as CacheRecord;
      return record.format === RECORD_FORMAT ? record : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The packages of the course still current for the selection's targets (without --target: the
   * ones the course chose when last built) and languages (--lang picks); none when any input,
   * translation file or the --lms changed.
   */
  lookup(courseFile: string, selection: Selection): CacheHit | undefined {
    const since = Date.now();
    const record = this.force ? undefined : this.read(courseFile);
    const seen: Record<string, string> = {};
    this.current = { file: resolve(courseFile), since, ...(record && { record }), seen };
    if (!record || record.tool !== toolFingerprint() || record.courseFile !== resolve(courseFile)) return undefined;
    if (record.lms !== (selection.lms ?? null)) return undefined;
    const targets = selection.targets ? [...selection.targets] : record.chosen;
    if (!targets) return undefined;
    for (const [path, hash] of Object.entries(record.inputs)) if (!holds(record, path, hash, seen, since)) return undefined;
    if (listing(join(record.courseFile, '..', 'templates')) !== record.templates) return undefined;
    if (listing(join(record.courseFile, '..', 'translations')) !== record.translations) return undefined;
    const languages = record.languages?.filter((language) => !selection.languages || selection.languages.includes(language));
    const keys = targets.flatMap((target) => (languages ? languages.map((language) => packageKey(target, language)) : [target]));
    const packages = new Map<string, CachedPackage>();
    for (const key of keys) {
      const built = record.packages[key];
      if (built && holds(record, built.path, built.hash, seen, since)) packages.set(key, built);
    }
    // Files read and found the same (after a checkout, say) are not read next time.
    if (Object.entries(seen).some(([path, signature]) => record.signatures[path] !== signature)) this.write(courseFile, { ...record, signatures: { ...record.signatures, ...seen } });
    else this.touch(courseFile);
    return { id: record.id, courseFile: record.courseFile, targets, ...(record.languages ? { languages: record.languages } : {}), packages, warnings: record.warnings };
  }

  /** The record is in use: not pruned for another RECORD_DAYS. */
  private touch(courseFile: string): void {
    try {
      const now = new Date();
      utimesSync(this.recordPath(courseFile), now, now);
    } catch {
      // A read-only cache folder: the record stays as it is.
    }
  }

  /**
   * The inputs' hashes: of the text the build read, for the files in `texts` (a file saved during
   * the build then differs from its record, and the next run rebuilds rather than keep a package of
   * the older text), else of the file as it is now, taken before the packages are rendered (the
   * assets, read as they are packaged). Undefined when an input vanished.
   */
  hashInputs(courseFile: string, inputs: readonly string[], texts?: ReadonlyMap<string, string>): InputHashes | undefined {
    const hashes: InputHashes = {};
    // An asset (a video) unchanged since the last run recorded it is not read again.
    const record = this.currentRun(courseFile)?.record;
    const recorded = (input: string): string | undefined => (record?.inputs[input] !== undefined && record.signatures[input] === stamp(input)?.signature ? record.inputs[input] : undefined);
    for (const input of [...new Set(inputs)].sort()) {
      const text = texts?.get(input);
      // The text re-encoded is the file's bytes, but for a file that is not valid UTF-8: its hash
      // then never matches the file's, and the course is always rebuilt, never wrongly skipped.
      const hash = text === undefined ? (recorded(input) ?? hashFile(input)) : sha1(Buffer.from(text));
      if (hash === undefined) return undefined;
      hashes[input] = hash;
    }
    return hashes;
  }

  /**
   * Records a successful build: its inputs and the packages just written. The packages of other
   * targets are kept when the course and tool are the same as they recorded.
   */
  store(
    courseFile: string,
    course: { id: string; languages?: string[] },
    hashes: InputHashes,
    written: ReadonlyArray<{ target: string; language?: string; path: string; bytes: number; sha1?: string }>,
    choice: { selection: Selection; chosen: readonly string[] },
    warnings: readonly Diagnostic[],
  ): void {
    const { id, languages } = course;
    const file = resolve(courseFile);
    const previous = this.read(courseFile);
    const lms = choice.selection.lms ?? null;
    const same = previous && previous.tool === toolFingerprint() && previous.id === id && previous.lms === lms && JSON.stringify(previous.inputs) === JSON.stringify(hashes);
    const chosen = choice.selection.targets ? (same ? previous.chosen : undefined) : [...choice.chosen];
    const packages: Record<string, CachedPackage> = same ? { ...previous.packages } : {};
    for (const built of written) {
      const hash = built.sha1 ?? hashFile(built.path);
      if (hash) packages[packageKey(built.target, built.language)] = { path: built.path, bytes: built.bytes, hash };
    }
    const signatures = this.signatures(courseFile, hashes, packages);
    this.current = undefined;
    const record: CacheRecord = {
      format: RECORD_FORMAT,
      tool: toolFingerprint(),
      id,
      courseFile: file,
      inputs: hashes,
      templates: listing(join(file, '..', 'templates')),
      translations: listing(join(file, '..', 'translations')),
      ...(languages ? { languages } : {}),
      packages,
      lms,
      ...(chosen ? { chosen } : {}),
      // Other targets' packages kept: their builds' warnings (one target's suspend-data limit) too.
      warnings: unique([...(same ? previous.warnings : []), ...warnings.map(cachedWarning)]),
      signatures,
    };
    this.write(courseFile, record);
  }

  /**
   * The signatures a record may keep: of inputs hashed by this run and unchanged since shortly
   * before it read them, and of packages this run found the same by their bytes or signature (a
   * package kept from an earlier build for another target was not looked at: it is read next time).
   */
  private signatures(courseFile: string, hashes: InputHashes, packages: Record<string, CachedPackage>): Record<string, string> {
    const run = this.currentRun(courseFile);
    const signatures: Record<string, string> = {};
    if (!run) return signatures;
    for (const path of Object.keys(hashes)) {
      const now = stamp(path);
      if (now && now.changedMs < run.since - RACY_MS) signatures[path] = now.signature;
    }
    for (const { path } of Object.values(packages)) {
      const found = run.seen[path];
      if (found !== undefined && found === stamp(path)?.signature) signatures[path] = found;
    }
    return signatures;
  }

  private currentRun(courseFile: string): { since: number; record?: CacheRecord; seen: Record<string, string> } | undefined {
    return this.current?.file === resolve(courseFile) ? this.current : undefined;
  }

  private write(courseFile: string, record: CacheRecord): void {
    try {
      mkdirSync(this.folder, { recursive: true });
      pruneOldRecords(this.folder);
      // Temp file + rename: a concurrent run (or worker) never reads half a record.
      const path = this.recordPath(courseFile);
      const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(temp, JSON.stringify(record));
      renameSync(temp, path);
    } catch {
      // A read-only cache folder: builds still work, only never skipped.
    }
  }
}
