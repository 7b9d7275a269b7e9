// One function per diagnostic code: call sites stay one line, and this file is the list of
// every mistake coursepack explains (the README's table is generated from the same codes).
import type { Diagnostic, SourceSpan } from './diagnostic';

const error = (code: string, span: SourceSpan | undefined, message: string, hint?: string, cause?: unknown): Diagnostic => ({
  code,
  severity: 'error',
  span,
  message,
  ...(hint ? { hint } : {}),
  ...(cause ? { cause } : {}),
});

const warning = (code: string, span: SourceSpan | undefined, message: string, hint?: string): Diagnostic => ({
  code,
  severity: 'warning',
  span,
  message,
  ...(hint ? { hint } : {}),
});

const didYouMean = (suggestion: string | undefined, otherwise?: string): string | undefined =>
  suggestion ? `Did you mean "${suggestion}"?` : otherwise;

export const yamlSyntax = (span: SourceSpan, detail: string, cause: unknown) =>
  error('yaml-syntax', span, `YAML syntax error: ${detail}`, 'Check indentation, colons and quotes around this spot.', cause);

export const fileNotFound = (span: SourceSpan | undefined, path: string, what: string) =>
  error('file-not-found', span, `The ${what} "${path}" does not exist.`, 'Paths are relative to the file that names them; check spelling and case.');

/** `cause`: the file system's error, or the reason in words. */
export const fileUnreadable = (span: SourceSpan | undefined, path: string, cause: unknown) =>
  error('file-unreadable', span, `Could not read "${path}": ${typeof cause === 'string' ? cause : fileSystemReason(cause)}.`, undefined, typeof cause === 'string' ? undefined : cause);

export const danglingLink = (span: SourceSpan, path: string, target: string) =>
  error('file-not-found', span, `"${path}" is a symbolic link to "${target}", which does not exist.`, 'Point the link at an existing file, or put the file itself in its place.');

export const pathOutsideCourse = (span: SourceSpan, path: string) =>
  error('path-outside-course', span, `The path "${path}" points outside the course folder.`, 'Copy the file into the course folder (e.g. assets/) and refer to it from there.');

/** A link's target is not named: it may be a file the user never meant to show anyone. */
export const linkOutsideCourse = (span: SourceSpan, path: string) =>
  error('path-outside-course', span, `The path "${path}" is a symbolic link to a file outside the course folder.`, "Copy the file into the course folder instead of linking to it: a package holds only the course's own files.");

export const fileTooLarge = (span: SourceSpan | undefined, path: string, size: number, limit: number) =>
  error('file-too-large', span, `"${path}" is ${formatBytes(size)}, more than the ${formatBytes(limit)} allowed.`, 'Split large YAML into included files, or compress the asset.');

export const includeCycle = (span: SourceSpan, path: string) =>
  error('include-cycle', span, `"${path}" includes itself (directly or through other files).`, 'Remove one of the include lines that form the loop.');

export const controlCharacter = (span: SourceSpan, what: string, found: { code: string; name: string; near: string }) =>
  error(
    'control-character',
    span,
    `${capitalise(what)} contains an invisible character, ${found.code} (${found.name}), which XML forbids: LMSs refuse a package whose manifest holds it, and pages do not show it.`,
    `Delete it (it sits ${found.near}), or replace it with a space; it usually comes with text pasted from Word or a PDF.`,
  );

export const notACourse = (path: string) =>
  error('not-a-course', undefined, `No course.yaml found at "${path}".`, 'Pass a course folder (containing course.yaml) or the path of a course.yaml file.');

export const unknownKey = (span: SourceSpan, key: string, where: string, suggestion: string | undefined, allowed: readonly string[]) =>
  error('unknown-key', span, `Unknown key "${key}" in ${where}.`, didYouMean(suggestion, `Allowed keys: ${allowed.join(', ')}.`));

export const missingKey = (span: SourceSpan, key: string, where: string, hint?: string) =>
  error('missing-key', span, `${capitalise(where)} is missing "${key}".`, hint ?? `Add "${key}: …" to ${where}.`);

export const wrongType = (span: SourceSpan, what: string, expected: string, actual: string, hint?: string) =>
  error('wrong-type', span, `${capitalise(what)} should be ${expected}, not ${actual}.`, hint);

export const invalidValue = (span: SourceSpan, what: string, value: string, allowed: readonly string[], suggestion?: string) =>
  error('invalid-value', span, `${capitalise(what)} cannot be "${value}"; use one of: ${allowed.join(', ')}.`, didYouMean(suggestion));

export const outOfRange = (span: SourceSpan, what: string, value: number, min: number, max: number) =>
  error('out-of-range', span, `${capitalise(what)} is ${value}; it must be between ${min} and ${max}.`);

export const unknownPlaceholder = (span: SourceSpan, key: string, unknown: readonly string[], known: readonly string[]) =>
  error(
    'unknown-placeholder',
    span,
    `The text of "${key}" in strings uses ${unknown.map((name) => `{${name}}`).join(', ')}, which coursepack does not fill in here.`,
    known.length > 0 ? `This text can use ${known.map((name) => `{${name}}`).join(', ')}.` : 'This text has no placeholders: write it without { }.',
  );

export const invalidPlural = (span: SourceSpan, key: string, problem: string) =>
  error(
    'invalid-plural',
    span,
    `The text of "${key}" in strings cannot be shown: ${problem}.`,
    'Write it as "{n, plural, one {# attempt} other {# attempts}}", with a form for each plural category of the course language.',
  );

export const invalidFormat = (span: SourceSpan, what: string, value: string, expected: string) =>
  error('invalid-format', span, `${capitalise(what)} must be ${expected}, not "${value}".`);

export const invalidId = (span: SourceSpan, id: string) =>
  error('invalid-id', span, `"${id}" is not a valid id.`, `Ids use lower-case letters, digits and hyphens, start with a letter or digit, and are at most 64 characters: e.g. "${suggestId(id)}".`);

export const duplicateId = (span: SourceSpan, id: string, firstAt: SourceSpan) =>
  error('duplicate-id', span, `The id "${id}" is already used at ${firstAt.file}:${firstAt.start.line}:${firstAt.start.column}.`, 'Ids must be unique in the course: rename one of them.');

export const duplicateCourseId = (span: SourceSpan, id: string, otherFile: string) =>
  error(
    'duplicate-course-id',
    span,
    `The course id "${id}" is also the id of ${otherFile}; both would be written to the same packages (${id}-scorm12.zip…).`,
    "Give each course its own id (a copied course keeps the original's): packages are named by it, and LMSs keep learners' records by it.",
  );

export const emptyList = (span: SourceSpan, what: string) =>
  error('empty-list', span, `${capitalise(what)} is empty.`, `Add at least one item to ${what}.`);

export const sceneNotFound = (span: SourceSpan, scene: string, scenario: string, suggestion?: string) =>
  error('scene-not-found', span, `Scenario "${scenario}" has no scene "${scene}".`, didYouMean(suggestion, 'Add the scene under "scenes", or point to an existing one.'));

export const sceneUnreachable = (span: SourceSpan, scene: string, scenario: string) =>
  error('scene-unreachable', span, `Scene "${scene}" of scenario "${scenario}" cannot be reached from the start scene.`, 'Point a choice\'s "next" at it, or remove the scene.');

export const scenarioLoop = (span: SourceSpan, path: string[], scenario: string) =>
  error('scenario-loop', span, `Scenario "${scenario}" loops: ${path.join(' → ')}.`, 'Scenes must lead forward to an ending; give the repeated situation its own scene id.');

export const sceneWithoutEnd = (span: SourceSpan, scene: string) =>
  error('scene-incomplete', span, `Scene "${scene}" has neither "choices" nor an "outcome".`, 'A decision scene needs "choices"; an ending scene needs "outcome: pass | fail | neutral".');

export const endingWithChoices = (span: SourceSpan, scene: string) =>
  error('ending-with-choices', span, `Scene "${scene}" has both "choices" and an "outcome".`, 'An ending scene has an outcome and no choices; remove one of them.');

export const quizNoCorrectAnswer = (span: SourceSpan, question: string) =>
  error('quiz-no-correct-answer', span, `Question "${question}" has no correct answer.`, 'Mark the right choice with "correct: true".');

export const singleChoiceSeveralCorrect = (span: SourceSpan, question: string, count: number) =>
  error('single-choice-several-correct', span, `Single-choice question "${question}" has ${count} correct choices.`, 'Keep one "correct: true", or make it "type: multiple-choice".');

export const drawExceedsPool = (span: SourceSpan, draw: number, pool: number) =>
  error('draw-exceeds-pool', span, `"draw: ${draw}" asks for more questions than the pool has (${pool}).`, `Use a draw of at most ${pool}, or add questions.`);
export const drawBelowPinned = (span: SourceSpan, draw: number, pinned: number) =>
  error('draw-below-pinned', span, `"draw: ${draw}" is fewer questions than the ${pinned} pinned ones, which are always drawn.`, `Use a draw of at least ${pinned}, or unpin a question.`);

export const imageWithoutAlt = (span: SourceSpan, image: string) =>
  error('image-missing-alt', span, `The image "${image}" has no "alt" text.`, 'Describe the image for screen-reader users with alt: "…"; use alt: "" only for a purely decorative image.');

export const unsupportedAsset = (span: SourceSpan, path: string, allowed: readonly string[]) =>
  error('unsupported-asset', span, `"${path}" is not a supported image type.`, `Use one of: ${allowed.join(', ')}.`);

/** `actual`: what the bytes are (undefined: no image at all), with that kind's usual extension. */
export const imageContent = (span: SourceSpan, path: string, extension: string, actual: string | undefined, actualExtension: string | undefined) =>
  error(
    'image-content',
    span,
    actual
      ? `"${path}" is named ${extension} but holds a ${actual} image: browsers and LMSs that go by the name show it broken.`
      : `"${path}" is named ${extension} but holds no image coursepack knows (PNG, JPEG, GIF, WebP or SVG): learners would see a broken image.`,
    actual ? `Rename the file to ${actualExtension} (and its path here), or export it again as ${extension.slice(1).toUpperCase()}.` : 'Export the image again from the program that made it; renaming a file does not convert it.',
  );

export const svgScript = (span: SourceSpan, path: string, what: string, line: number) =>
  error(
    'svg-script',
    span,
    `"${path}" holds script (${what}, on line ${line} of the image): opened on its own, the image runs it in the LMS's site, with the learner's session.`,
    'Remove scripts, on…= attributes and javascript: links from the SVG, or export it again without interactivity.',
  );

export const attestationPageMissing = (span: SourceSpan) =>
  error('attestation-page-missing', span, 'Completion requires "attestation" but the course has no attestation page.', 'Add a page with "type: attestation", or remove "attestation" from completion.require.');

/** `scoredPages`: the course has quizzes or scenarios, but none of them can earn a point. */
export const nothingScored = (span: SourceSpan, scoredPages: boolean) =>
  error(
    'nothing-scored',
    span,
    'Completion requires "passing-score" but no page earns points.',
    scoredPages
      ? 'Scenario choices earn 0 points unless they say "points: …", and likert questions never score: give the better choices or some questions points, or remove "passing-score" from completion.require.'
      : 'Add a quiz or a scenario with points, or remove "passing-score" from completion.require.',
  );

export const scenarioScoresNothing = (span: SourceSpan, scenario: string, best: number) =>
  warning(
    'scenario-scores-nothing',
    span,
    `No path through scenario "${scenario}" earns points (the best earns ${best}), so it adds nothing to the course's score.`,
    'Choices earn 0 points unless they say "points: …": give the better choices points. A scenario meant as practice only may stay as it is.',
  );

export const emptyAnswer = (span: SourceSpan, question: string) =>
  error('empty-answer', span, `Question "${question}" lists an empty accepted answer.`, 'Remove the empty entry from "accept".');

export const pageNotFound = (span: SourceSpan, page: string, question: string, suggestion?: string) =>
  error('page-not-found', span, `Question "${question}" sends learners to page "${page}", which does not exist.`, didYouMean(suggestion, 'Use the id of the page that teaches this point.'));

export const testOutPageNotFound = (span: SourceSpan, page: string, quiz: string, suggestion?: string) =>
  error('test-out-page-not-found', span, `Test-out quiz "${quiz}" covers page "${page}", which does not exist.`, didYouMean(suggestion, 'List the ids of pages that come after the quiz.'));

export const testOutOrder = (span: SourceSpan, page: string, quiz: string) =>
  error('test-out-order', span, `Test-out quiz "${quiz}" covers page "${page}", which comes before it.`, 'A test-out excuses the pages after it: move the quiz before the pages it covers, or leave this one out of "covers".');

export const testOutAttempts = (span: SourceSpan, attempts: number) =>
  error('test-out-attempts', span, `A test-out quiz can be taken once, but "attempts" is ${attempts}.`, 'Remove "attempts": a learner who fails the test-out goes through the pages it covers instead.');

export const policyChanged = (span: SourceSpan, document: string, version: string, was: string, now: string) =>
  warning(
    'policy-changed',
    span,
    `The policy document "${document}" has changed since version ${version} was built (SHA-256 ${was.slice(0, 12)}…, now ${now.slice(0, 12)}…), but its version is still ${version}.`,
    `Raise "version" when the policy changes, so each learner's record names the text they attested to. If the text is the same (only the file changed), delete the line for ${version} from policy-versions.lock.`,
  );

export const listLength = (span: SourceSpan, what: string, count: number, min: number, max: number) =>
  error('list-length', span, `${capitalise(what)} has ${count} item${count === 1 ? '' : 's'}; it needs ${min} to ${max}.`, count < min ? 'Add items.' : 'Split it into two questions.');

export const noPoints = (span: SourceSpan, question: string) =>
  error('likert-points', span, `Likert question "${question}" cannot have points: surveys are recorded, not scored.`, 'Remove "points", or make it a single-choice question.');

export const noPages = (span: SourceSpan) =>
  error('no-pages', span, 'The course has no pages.', 'Add pages under "pages:".');

export const textTooLong = (span: SourceSpan, what: string, length: number, limit: { max: number; standards: string }, field: string, advice: string) =>
  warning(
    'text-too-long',
    span,
    `${capitalise(what)} is ${length} characters long; ${limit.standards} LMSs may keep only the first ${limit.max} (${field}).`,
    `Shorten it to ${limit.max} characters or fewer; ${advice}.`,
  );

export const suspendDataMayOverflow = (span: SourceSpan, size: number, limit: number, target: string) =>
  warning('suspend-data-too-large', span, `Saved progress may reach ${size} characters, more than ${target} keeps (${limit}).`, 'Split the course or reduce the number of questions.');

export const buildFailed = (span: SourceSpan, target: string, cause: unknown) =>
  error('build-failed', span, `Could not write the ${target} package: ${(cause as Error)?.message ?? String(cause)}.`, 'Check that the output folder is writable and the disk is not full.', cause);

export const badArgument = (message: string, hint?: string) => error('usage', undefined, message, hint);

export const internalError = (cause: unknown) =>
  error('internal-error', undefined, `coursepack failed unexpectedly: ${(cause as Error)?.message ?? String(cause)}.`, 'This is a bug in coursepack; please report it with the course that triggers it.', cause);

/** A file system error in plain words, without the absolute path Node puts in its message. */
function fileSystemReason(cause: unknown): string {
  const { code, message } = (cause ?? {}) as NodeJS.ErrnoException;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOENT: 'it does not exist',
    ELOOP: 'it is a symbolic link that leads back to itself',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a part of its path is a file, not a folder',
    EIO: 'the disk or network drive failed to read it',
    EMFILE: 'too many files are open',
    ENAMETOOLONG: 'its path is too long',
  };
  return (code && reasons[code]) ?? message ?? String(cause);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function suggestId(id: string): string {
  const cleaned = id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);
  return cleaned || 'my-page';
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} KiB`;
  return `${bytes} bytes`;
}

export const lowContrast = (span: SourceSpan, color: string, ratio: number, needed: number, suggestion: string) =>
  error(
    'low-contrast',
    span,
    `The brand colour "${color}" has a contrast ratio of ${ratio.toFixed(2)}:1 with the white around and on it (header, buttons, links); WCAG AA needs at least ${needed}:1.`,
    `The nearest colour that passes is "${suggestion}" (the same hue, darker); darker shades pass too.`,
  );

export const invalidFontStack = (span: SourceSpan, value: string) =>
  error(
    'invalid-font',
    span,
    `"font" must be a CSS font stack, not "${value}".`,
    'List font families separated by commas, quoting names with spaces or digits, e.g. \'Inter, "Segoe UI", Arial, sans-serif\'. Fonts are not downloaded: name fonts installed on learners\' computers.',
  );

export const fontWithoutFallback = (span: SourceSpan, value: string) =>
  warning(
    'font-without-fallback',
    span,
    `The font stack "${value}" does not end with a generic family; learners who lack these fonts get the browser's default font.`,
    'End the list with sans-serif, serif, system-ui or monospace.',
  );

export const unknownTemplate = (span: SourceSpan, path: string, suggestion: string | undefined, allowed: readonly string[]) =>
  error(
    'unknown-template',
    span,
    `"${path}" does not override any built-in template.`,
    didYouMean(suggestion, `A course's templates/ folder may hold: ${allowed.join(', ')}.`),
  );

export const templateSyntax = (span: SourceSpan, detail: string, cause: unknown) =>
  error('template-syntax', span, `Handlebars syntax error: ${detail}`, 'Check that every {{ has its }}, and every {{#block}} its {{/block}}.', cause);

export const unknownPartial = (span: SourceSpan, name: string, suggestion: string | undefined, allowed: readonly string[]) =>
  error('unknown-partial', span, `The template uses the partial "${name}", which does not exist.`, didYouMean(suggestion, `Partials: ${allowed.join(', ')}.`));

export const unknownHelper = (span: SourceSpan, name: string, suggestion: string | undefined, allowed: readonly string[]) =>
  error('unknown-helper', span, `The template calls the helper "${name}", which does not exist.`, didYouMean(suggestion, `Helpers: ${allowed.join(', ')}.`));

export const templateMissingHooks = (span: SourceSpan, path: string, missing: readonly string[], all: readonly string[]) =>
  error(
    'template-missing-hook',
    span,
    `"${path}" leaves out ${missing.join(', ')}, which the course player needs to find its elements.`,
    `Keep the elements of the built-in template that carry ${all.join(', ')}; change markup and classes around them freely.`,
  );

// YAML mistakes in the words of the person who made them: what YAML understood and what to
// write instead (load/yaml-errors.ts tells them apart; yamlSyntax is the parser's own words).
const textOf = (key: string | undefined) => (key ? `The text of "${key}"` : 'This text');
const quoteAround = (fixed: string) => `Put quotes around the whole text: ${fixed}`;

export const yamlColonInText = (span: SourceSpan, key: string | undefined, fixed: string) =>
  error('yaml-syntax', span, `${textOf(key)} contains ": ", which YAML reads as the start of another key.`, quoteAround(fixed));

/** `character`: the first character of a plain value, one YAML gives a meaning of its own. */
export const yamlSpecialStart = (span: SourceSpan, key: string | undefined, character: string, fixed: string) => {
  const meaning: Record<string, string> = {
    '"': `starts with a quote (${character}), so YAML reads only up to the closing quote and cannot place the rest`,
    "'": `starts with a quote (${character}), so YAML reads only up to the closing quote and cannot place the rest`,
    '[': `starts with "[", which YAML reads as the start of a list`,
    '{': `starts with "{", which YAML reads as the start of a mapping`,
  };
  return error('yaml-syntax', span, `${textOf(key)} ${meaning[character] ?? `starts with "${character}", which has a special meaning in YAML`}.`, quoteAround(fixed));
};

/** A quoted text with the same quote inside it: `'It's'`. `read` is what YAML took for the text. */
export const yamlQuoteEndsEarly = (span: SourceSpan, key: string | undefined, quote: string, read: string, fixed: string) =>
  error(
    'yaml-syntax',
    span,
    `The ${quote} inside ${textOf(key).charAt(0).toLowerCase()}${textOf(key).slice(1)} ends it early: YAML reads ${read} as the whole text.`,
    fixed.includes(`${quote}${quote}`) ? `Write each ${quote} inside the text twice: ${fixed}` : `Put the text in ${quote === '"' ? 'single' : 'double'} quotes instead: ${fixed}`,
  );

/** `lines`: every line indented with a tab; the diagnostic is at the first. */
export const yamlTab = (span: SourceSpan, lines: readonly number[]) =>
  error(
    'yaml-syntax',
    span,
    'This line is indented with a tab; YAML accepts only spaces.',
    `${lines.length === 1 ? 'Replace the tab with spaces' : `Replace the tabs at the start of lines ${listed(lines)} with spaces`}; most editors can insert spaces when you press Tab.`,
  );

/** A line indented unlike the line above it; `reference` is the key it should line up with. */
export const yamlIndent = (span: SourceSpan, key: string | undefined, indent: number, reference: { key: string; indent: number }) =>
  error(
    'yaml-syntax',
    span,
    `This line is indented ${indent > reference.indent ? 'more' : 'less'} than "${reference.key}" above it (${spaces(indent)} instead of ${reference.indent}).`,
    `Indent ${key ? `"${key}"` : 'it'} with ${spaces(reference.indent)}, like "${reference.key}"${indent > reference.indent ? '' : ', if it belongs to the same item'}.`,
  );

/** A line that is no `key: value`; `continues` is the key above it whose text it may continue. */
export const yamlNoColon = (span: SourceSpan, continues?: { key: string; indent: number }) =>
  continues
    ? error(
        'yaml-syntax',
        span,
        `This line has no "key:". If it continues the text of "${continues.key}" above, YAML needs it indented further than "${continues.key}".`,
        `Indent the line with more than ${spaces(continues.indent)}, or join it to the line above.`,
      )
    : error('yaml-syntax', span, 'YAML expected "key: value" on this line, but it has no colon.', 'Add a colon and a space after the key (title: Introduction), or remove the line.');

export const yamlNoSpace = (span: SourceSpan, mark: 'colon' | 'dash', written: string, fixed: string) =>
  mark === 'colon'
    ? error('yaml-syntax', span, `"${written}" needs a space after the colon.`, `Write ${fixed}; YAML reads a key only when a space follows its colon.`)
    : error('yaml-syntax', span, `"${written}" needs a space after the dash to start a list item.`, `Write ${fixed}.`);

export const yamlUnclosedQuote = (span: SourceSpan, key: string | undefined, quote: string) =>
  error('yaml-syntax', span, `The quote (${quote}) that opens ${key ? `the text of "${key}"` : 'this text'} is never closed.`, `Add the closing ${quote} at the end of the text.`);

export const yamlDuplicateKey = (span: SourceSpan, key: string, firstLine: number) =>
  error('yaml-syntax', span, `"${key}" appears twice here; the first is on line ${firstLine}.`, 'Keep one of them: each key appears once per item.');

function spaces(count: number): string {
  return `${count} space${count === 1 ? '' : 's'}`;
}

/** "3, 4 and 5"; after six numbers "and 12 more". */
function listed(numbers: readonly number[]): string {
  const shown = numbers.slice(0, 6).map(String);
  const rest = numbers.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : (shown[0] ?? '');
}

// Files a Markdown text links to or shows, and the HTML the sanitiser takes out of it
// (validate/markdown.ts finds them; nothing a designer wrote is lost without a word).
export const linkedFileNotFound = (span: SourceSpan, path: string, what: 'linked file' | 'image') =>
  error('file-not-found', span, `The ${what} "${path}" does not exist.`, 'Links and images in text are relative to the course folder (e.g. assets/policy.pdf); check spelling and case.');

/** What the sanitiser removed: a tag (with its attributes), or one attribute of a tag it kept. */
export interface RemovedHtml {
  tag: string;
  attribs: Record<string, string>;
  attribute?: string;
  withContent: boolean;
}

export const htmlRemoved = (span: SourceSpan, field: string, removed: RemovedHtml, kept: readonly string[]) =>
  warning('html-removed', span, `${removedWhat(removed)} in "${field}" is removed from the page${removedRest(removed)}.`, removedHint(removed, kept));

const SCRIPT_TAGS = ['script', 'noscript'];
const EMBED_TAGS = ['iframe', 'frame', 'object', 'embed', 'video', 'audio', 'source', 'track', 'picture'];
const LOOKS = ['style', 'class', 'id', 'width', 'height', 'align', 'color', 'bgcolor'];

function removedWhat(removed: RemovedHtml): string {
  const { tag, attribs, attribute } = removed;
  if (attribute === 'href' || attribute === 'src') return `The link "${short(attribs[attribute] ?? '')}"`;
  if (attribute) return `The attribute ${attribute}="${short(attribs[attribute] ?? '')}" of <${tag}>`;
  if (tag === 'img') return `The image "${short(attribs.src ?? '')}"`;
  return removed.withContent ? `The <${tag}>` : `The tag <${tag}>`;
}

function removedRest(removed: RemovedHtml): string {
  if (removed.attribute || removed.tag === 'img') return '';
  return removed.withContent ? ', with everything inside it' : '; the text inside it stays';
}

function removedHint(removed: RemovedHtml, kept: readonly string[]): string {
  const { tag, attribs, attribute } = removed;
  const link = attribute === 'href' || attribute === 'src';
  if (SCRIPT_TAGS.includes(tag) || attribute?.startsWith('on') || (link && /^\s*(java|vb)script:/i.test(attribs[attribute] ?? ''))) {
    return 'A course page runs no script of its own: the LMS would run it with the learner\'s session. Quizzes, scenarios and templates/ overrides provide the interaction.';
  }
  if (tag === 'img' && !attribute) return 'A package loads nothing from the internet: copy the image into the course folder and write ![description](assets/image.png).';
  if (link) return 'Links may go to http, https and mailto addresses and to files of the course.';
  if (EMBED_TAGS.includes(tag)) return 'Embedded pages and players are not kept (LMSs often block them, and offline learners cannot load them): link to them instead, e.g. [Watch the video](https://…).';
  if (attribute && LOOKS.includes(attribute)) return 'Looks come from the theme (brand-color, font) and from templates/ overrides, not from HTML in the text.';
  if (attribute) return `Remove the attribute; <${tag}> keeps only what the page needs.`;
  return `Write it in Markdown, or use a tag that is kept: ${kept.join(', ')}.`;
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
