import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Target, TARGETS } from './compile';
import { closest } from './diagnostics/did-you-mean';
import { isLmsId, type LmsId, LMS_IDS } from './standards/lms-profiles';
import { type Diagnostic, formatDiagnostic, messages } from './diagnostics';
import { coursesAt, expandCourseArguments, searchedFolders } from './catalogue/discover';
import { RunReporter } from './catalogue/reporter';
import { runCatalogue, shareOf } from './catalogue/run';
import { parseShard, type Shard } from './catalogue/shard';
import { initProject } from './init';
import { inspect, InspectProblem } from './inspect';
import { jsonSchema, SCHEMA_KINDS, type SchemaKind } from './schema';
import { LANGUAGE } from './format';
import { displayPath } from './load/paths';
import { outputFolderBlocker } from './package';
import { translateExport, translateImport } from './translate/commands';
import { XLIFF_FORMATS } from './translate/xliff-write';

export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 3 } as const;

const USAGE = `Usage: coursepack <command> [course…] [options]

Commands:
  build [course…]      Validate and package courses (default: every folder in ./courses)
  validate [course…]   Check courses without building them
  init [folder]        Start a project: a commented sample course, VS Code settings, a README
  preview [course]     The course in a simulated LMS with a live data panel, updated on save
  schema               Print the JSON Schema of course.yaml for editors (--for page, pool: the others)
  inspect <zip>        Summarise a package: standard, ids, passing score, reporting, limits
  inspect <data>       Decode a learner's suspend data (text, a file, or - for stdin);
                       --package <zip> names its pages and answers and scores it
  translate export [course] --lang <tag>
                       Write the course's texts as XLIFF for translators (default
                       translations/<tag>.xlf; an existing file keeps its translations)
  translate import <file.xlf> [course]
                       Check a translated XLIFF file and put it in translations/

A course is a folder holding course.yaml, or the path of a course.yaml file. A folder of
courses stands for every course folder below it; globs ("courses/sales-*") work too.

Options:
  --target <list>      Targets to build, comma-separated: ${TARGETS.join(', ')}
                       (default: course.yaml's targets, else its LMS's, else all but scorm2004-3rd)
  --lms <name>         Build for this LMS (over course.yaml's lms): ${LMS_IDS.join(', ')}
  --out, -o <dir>      Output folder (default: build); translate export: the file to write
  --lang <list>        build, validate: only these of the course's languages, comma-separated;
                       translate export: the language to translate into
  --format <f>         translate export: xliff2 (XLIFF 2.0, default) or xliff12 (XLIFF 1.2)
  --id <id>            init: the new course's id (default: my-course)
  --force              build: rebuild every package, even those whose inputs are unchanged
  --jobs <n>           build, validate: courses handled at once (default: the number of cores,
                       one per 50 courses)
  --shard <i/n>        build, validate: only the i-th of n stable shares of the courses (CI matrix)
  --watch              build: rebuild a course's packages whenever one of its files changes
  --port <n>           preview: the port on 127.0.0.1 (default 4173; the next free one if taken)
  --for <kind>         schema: course (default), page or pool (the files under pages/ and pools/)
  --package <zip>      inspect: the package the suspend data belongs to
  --json               Print results and diagnostics as JSON
  --no-color           Plain text output
  -h, --help           Show this help
  -v, --version        Show the version

Exit codes: 0 success, 1 invalid course, 2 usage error, 3 internal error.`;

interface InitOptions {
  command: 'init';
  folder: string;
  id: string;
}

interface PreviewOptions {
  command: 'preview';
  course: string;
  port: number;
}

interface TranslateOptions {
  command: 'translate';
  action: 'export' | 'import';
  course: string;
  language?: string;
  format?: keyof typeof XLIFF_FORMATS;
  out?: string;
  file?: string;
}

interface InspectOptions {
  command: 'inspect';
  input: string;
  packagePath?: string;
  json: boolean;
}

interface SchemaOptions {
  command: 'schema';
  kind: SchemaKind;
}

interface Options {
  command: 'build' | 'validate';
  watch: boolean;
  force: boolean;
  jobs?: number;
  shard?: Shard;
  /** The course arguments as given (none: ./courses); `courses` the courses they stand for. */
  arguments: string[];
  courses: string[];
  targets?: Target[];
  lms?: LmsId;
  languages?: string[];
  outDir: string;
  json: boolean;
  color: boolean;
}

type Output = { write(text: string): void };

export async function main(argv: string[], out: Output = process.stdout, err: Output = process.stderr): Promise<number> {
  try {
    const parsed = parseOptions(argv, out);
    if (typeof parsed === 'number') return parsed;
    if ('code' in parsed) {
      err.write(`${formatDiagnostic(parsed, { sources: new Map(), color: false })}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    if (parsed.command === 'init') return init(parsed, out, err);
    if (parsed.command === 'schema') return out.write(`${JSON.stringify(jsonSchema(parsed.kind), null, 2)}\n`), EXIT.ok;
    // The preview's server and LRS (node:http and more) load only for the commands that use them.
    if (parsed.command === 'preview') return await (await import('./preview/commands')).preview(parsed.course, parsed.port, out, err);
    if (parsed.command === 'inspect') return runInspect(parsed, out, err);
    if (parsed.command === 'translate') return translate(parsed, out, err);
    const code = await run(parsed, out, err);
    if (!parsed.watch || parsed.command !== 'build') return code;
    const watched = { find: () => shareOf(findCourses(parsed.arguments), parsed.shard), folders: searchedFolders(parsed.arguments.length > 0 ? parsed.arguments : ['courses']) };
    return await (await import('./preview/commands')).watchBuild(watched, parsed, out, err);
  } catch (cause) {
    // Never a stack trace: a user gets what went wrong and where to report it.
    err.write(`${formatDiagnostic(messages.internalError(cause), { sources: new Map(), color: false })}\n`);
    if (process.env.COURSEPACK_DEBUG) err.write(`${(cause as Error)?.stack}\n`);
    return EXIT.internal;
  }
}

function parseOptions(argv: string[], out: Output): Options | InitOptions | PreviewOptions | SchemaOptions | InspectOptions | TranslateOptions | Diagnostic | number {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        target: { type: 'string' },
        lms: { type: 'string' },
        out: { type: 'string', short: 'o' },
        lang: { type: 'string' },
        format: { type: 'string' },
        id: { type: 'string' },
        watch: { type: 'boolean' },
        force: { type: 'boolean' },
        jobs: { type: 'string' },
        shard: { type: 'string' },
        port: { type: 'string' },
        for: { type: 'string' },
        package: { type: 'string' },
        json: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }));
  } catch (cause) {
    return messages.badArgument((cause as Error).message.split('\n')[0] ?? 'Bad arguments.', 'Run coursepack --help for the options.');
  }
  if (values.help) return out.write(`${USAGE}\n`), EXIT.ok;
  if (values.version) return out.write(`${require('../package.json').version}\n`), EXIT.ok;
  const [command, ...courses] = positionals;
  if (command === 'init') {
    if (courses.length > 1) return messages.badArgument('init takes one folder.', 'Run coursepack init, or coursepack init my-courses.');
    return { command, folder: courses[0] ?? '.', id: values.id ?? 'my-course' };
  }
  if (command === 'preview') return previewOptions(courses, values.port);
  if (command === 'schema') return schemaOptions(values.for, courses);
  if (command === 'inspect') {
    if (courses.length !== 1) return messages.badArgument('inspect takes one package or one suspend data.', 'Run coursepack inspect build/my-course-scorm12.zip, or coursepack inspect saved.txt --package build/my-course-scorm12.zip.');
    return { command, input: courses[0] as string, ...(values.package === undefined ? {} : { packagePath: values.package }), json: Boolean(values.json) };
  }
  if (command === 'translate') return translateOptions(courses, values);
  if (command !== 'build' && command !== 'validate') {
    return messages.badArgument(command ? `Unknown command "${command}".` : 'No command given.', 'Use "coursepack build", "coursepack validate", "coursepack preview", "coursepack init", "coursepack schema", "coursepack inspect" or "coursepack translate".');
  }
  const targets = parseTargets(values.target);
  if (targets && !Array.isArray(targets)) return targets;
  if (values.lms !== undefined && !isLmsId(values.lms)) {
    const suggestion = closest(values.lms, LMS_IDS);
    return messages.badArgument(`Unknown LMS "${values.lms}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`, `LMSs: ${LMS_IDS.join(', ')}.`);
  }
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) return messages.badArgument(`"${values.jobs}" is not a number of jobs.`, 'Give a whole number from 1, e.g. --jobs 4 (default: the number of cores, one per 50 courses).');
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (values.shard !== undefined && !shard) return messages.badArgument(`"${values.shard}" is not a shard.`, 'Give i/n with 1 ≤ i ≤ n, e.g. --shard 2/4 builds the second of four shares.');
  const found = findCourses(courses);
  if (found.length === 0) return messages.badArgument('No courses found: ./courses has no folder with a course.yaml.', 'Pass a course folder, e.g. coursepack build courses/my-course.');
  const color = !values['no-color'] && !values.json && Boolean((process.stdout as { isTTY?: boolean }).isTTY) && !process.env.NO_COLOR;
  const languages = values.lang?.split(',').map((tag) => tag.trim()).filter(Boolean);
  const outDir = resolve(values.out ?? 'build');
  const blocker = command === 'build' ? outputFolderBlocker(outDir) : undefined;
  if (blocker) return messages.outputNotAFolder(displayPath(outDir), displayPath(blocker));
  return { command, watch: Boolean(values.watch), force: Boolean(values.force), jobs, shard, arguments: courses, courses: found, targets, lms: values.lms as LmsId | undefined, ...(languages ? { languages } : {}), outDir, json: Boolean(values.json), color };
}

function previewOptions(courses: string[], portText: string | undefined): PreviewOptions | Diagnostic {
  const port = Number(portText ?? 4173);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return messages.badArgument(`"${portText}" is not a port.`, 'Give a number from 1024 to 65535, e.g. --port 8080 (0 picks a free one).');
  const found = courses.length > 0 ? courses : discoverCourses();
  if (found.length !== 1) {
    return messages.badArgument(found.length === 0 ? 'No course to preview: ./courses has no folder with a course.yaml.' : 'preview shows one course at a time.', 'Name it: coursepack preview courses/my-course.');
  }
  return { command: 'preview', course: found[0] as string, port };
}

function schemaOptions(kind = 'course', rest: string[]): SchemaOptions | Diagnostic {
  if (rest.length > 0) return messages.badArgument('schema takes no course.', 'Run coursepack schema, or coursepack schema --for page.');
  if (!(SCHEMA_KINDS as readonly string[]).includes(kind)) return messages.badArgument(`There is no schema "${kind}".`, 'Use --for course, --for page or --for pool.');
  return { command: 'schema', kind: kind as SchemaKind };
}

function parseTargets(list: string | undefined): Target[] | Diagnostic | undefined {
  if (list === undefined) return undefined;
  const names = list.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !(TARGETS as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    const suggestion = unknown[0] === undefined ? undefined : closest(unknown[0], TARGETS);
    return messages.badArgument(`Unknown target "${unknown[0] ?? list}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`, `Targets: ${TARGETS.join(', ')}.`);
  }
  return [...new Set(names)] as Target[];
}

/** The courses the arguments stand for (expandCourseArguments); without any, discoverCourses'. */
function findCourses(args: readonly string[]): string[] {
  return args.length > 0 ? expandCourseArguments(args) : discoverCourses();
}

/** Without course arguments: every course below ./courses, as `coursepack build courses` finds them. */
function discoverCourses(): string[] {
  return coursesAt('courses');
}

function runInspect(options: InspectOptions, out: Output, err: Output): number {
  try {
    out.write(`${inspect(options)}\n`);
    return EXIT.ok;
  } catch (cause) {
    if (!(cause instanceof InspectProblem)) throw cause;
    err.write(`${formatDiagnostic(messages.badArgument(cause.message, cause.hint), { sources: new Map(), color: false })}\n`);
    return EXIT.usage;
  }
}

function init(options: InitOptions, out: Output, err: Output): number {
  const result = initProject(options.folder, options.id);
  if (result.problem) {
    err.write(`${formatDiagnostic(result.problem, { sources: new Map(), color: false })}\n`);
    return EXIT.usage;
  }
  for (const file of result.written) out.write(`created ${join(options.folder, file)}\n`);
  for (const file of result.kept) out.write(`kept    ${join(options.folder, file)} (already there)\n`);
  const cd = options.folder === '.' ? '' : `cd ${options.folder} && `;
  out.write(`\nNext: ${cd}npx coursepack validate, then npx coursepack build. Start by reading courses/${options.id}/course.yaml.\n`);
  return EXIT.ok;
}

async function run(options: Options, out: Output, err: Output): Promise<number> {
  const courses = shareOf(options.courses, options.shard);
  const live = !options.json && Boolean((process.stderr as { isTTY?: boolean }).isTTY) && !process.env.CI;
  const reporter = new RunReporter(courses.length, { command: options.command, json: options.json, live }, out, err);
  if (options.shard && courses.length === 0) out.write(`No course of the ${options.courses.length} falls in shard ${options.shard.index}/${options.shard.count}.\n`);
  await runCatalogue(courses, options, reporter);
  return reporter.finish() ? EXIT.invalid : EXIT.ok;
}

function translateOptions(rest: string[], values: { lang?: string; format?: string; out?: string }): TranslateOptions | Diagnostic {
  const [action, ...args] = rest;
  if (action === 'import') {
    if (args.length < 1 || args.length > 2) return messages.badArgument('translate import takes the XLIFF file, then optionally the course.', 'e.g. coursepack translate import de.xlf courses/my-course');
    return { command: 'translate', action, file: args[0], course: args[1] ?? '.' };
  }
  if (action !== 'export') return messages.badArgument(`translate ${action ? `has no action "${action}"` : 'needs an action'}.`, 'Use coursepack translate export --lang de, or coursepack translate import de.xlf.');
  if (args.length > 1) return messages.badArgument('translate export takes one course.', 'e.g. coursepack translate export courses/my-course --lang de');
  if (!values.lang || !LANGUAGE.pattern.test(values.lang)) return messages.badArgument(values.lang ? `"${values.lang}" is not a language tag.` : 'translate export needs --lang.', 'Name the language to translate into, e.g. --lang de or --lang pt-BR.');
  if (values.format !== undefined && !(values.format in XLIFF_FORMATS)) return messages.badArgument(`There is no format "${values.format}".`, 'Use --format xliff2 (XLIFF 2.0) or --format xliff12 (XLIFF 1.2).');
  return { command: 'translate', action, course: args[0] ?? '.', language: values.lang, format: values.format as TranslateOptions['format'], out: values.out };
}

function translate(options: TranslateOptions, out: Output, err: Output): number {
  if (options.action === 'import') return translateImport(options.file ?? '', options.course, out, err);
  return translateExport({ course: options.course, language: options.language ?? '', format: options.format, out: options.out }, out, err);
}
