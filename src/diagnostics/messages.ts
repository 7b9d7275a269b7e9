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

/** `key`: the top-level key whose value nests too deeply (none: the file itself is the value). */
export const yamlTooDeep = (span: SourceSpan, key: string | undefined) =>
  error(
    'yaml-too-deep',
    span,
    `${key ? `"${key}"` : 'This file'} holds lists and maps nested too deeply to read.`,
    'A course file needs a few levels at most: look for brackets that are never closed, or lines indented further and further.',
  );

export const fileNotFound = (span: SourceSpan | undefined, path: string, what: string) =>
  error('file-not-found', span, `The ${what} "${path}" does not exist.`, 'Paths are relative to the file that names them; check spelling and case.');

/** `cause`: the file system's error, or the reason in words. */
export const fileUnreadable = (span: SourceSpan | undefined, path: string, cause: unknown) =>
  error('file-unreadable', span, `Could not read "${path}": ${typeof cause === 'string' ? cause : fileSystemReason(cause)}.`, undefined, typeof cause === 'string' ? undefined : cause);

export const danglingLink = (span: SourceSpan, path: string, target: string) =>
  error('file-not-found', span, `"${path}" is a symbolic link to "${target}", which does not exist.`, 'Point the link at an existing file, or put the file itself in its place.');

export const reservedPath = (span: SourceSpan, path: string, generated: readonly string[]) =>
  error('reserved-path', span, `"${path}" has the name of a file coursepack writes into every package (${generated.join(', ')}).`, `Rename the file or move it into a folder (e.g. assets/${path}) and change the link.`);

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

export const courseFileIsAFolder = (path: string) =>
  error('not-a-course', undefined, `"${path}" is a folder, not the course's YAML file.`, "Rename the folder, and write the course's YAML in a file named course.yaml next to it.");

// Translations (translations/<lang>.xlf, `coursepack translate`): positioned in the XLIFF file.

export const xliffSyntax = (span: SourceSpan, detail: string) =>
  error('xliff-syntax', span, detail, 'Open the file in the CAT tool it came from and export it again, or fix the XML at this spot.');

export const xliffLanguage = (span: SourceSpan, which: 'source' | 'target', found: string, expected: string, file: string) =>
  error(
    'xliff-wrong-language',
    span,
    `The file's ${which} language is "${found || '(none)'}", but ${which === 'source' ? 'the course is written in' : `${file} is for`} "${expected}".`,
    which === 'source' ? 'Export the file again with coursepack translate export.' : `Name the file translations/${found || '<language>'}.xlf, or ask for a translation into "${expected}".`,
  );

export const xliffUnknownUnit = (span: SourceSpan, id: string, suggestion: string | undefined) =>
  error('xliff-unknown-unit', span, `The unit "${id}" is not a text of the course.`, didYouMean(suggestion, 'The text was removed or its page, question or scene renamed: export again (coursepack translate export), which keeps every translation still needed.'));

export const xliffDuplicateUnit = (span: SourceSpan, id: string) =>
  error('xliff-unknown-unit', span, `The unit "${id}" is in the file twice.`, 'Keep one of them.');

export const xliffMissingUnits = (span: SourceSpan, ids: readonly string[]) =>
  error('xliff-missing-unit', span, `The file has no unit for ${ids.length === 1 ? 'the text' : `${ids.length} texts`} of the course: ${listed(ids)}.`, 'Export again (coursepack translate export): it adds the new texts and keeps every translation.');

export const xliffInlineCode = (span: SourceSpan, id: string, detail: string) =>
  error('xliff-inline-code', span, `Unit "${id}": ${detail}`, 'Inline codes stand for formatting, links and placeholders: keep each one of the source exactly once (moving them is fine).');

export const xliffEmptyTarget = (span: SourceSpan, id: string) =>
  error('xliff-empty-target', span, `Unit "${id}" has an empty translation, but the text is required.`, 'Translate it, or remove the <target> to fall back to the source text.');

export const xliffTooLong = (span: SourceSpan, id: string, length: number, max: number, field: string) =>
  error('xliff-too-long', span, `Unit "${id}" is ${length} characters long; ${field} keeps at most ${max}.`, 'Shorten the translation.');

export const xliffOutdated = (span: SourceSpan, ids: readonly string[]) =>
  warning('xliff-outdated', span, `The source of ${ids.length === 1 ? 'a unit' : `${ids.length} units`} changed after translation (${listed(ids)}); the old translation is used.`, 'Export again: the changed units are marked for review with the old source kept.');

export const translationIncomplete = (span: SourceSpan | undefined, language: string, ids: readonly string[]) =>
  warning('translation-incomplete', span, `${ids.length} ${ids.length === 1 ? 'text is' : 'texts are'} not translated into "${language}" and ${ids.length === 1 ? 'is' : 'are'} shown in the source language: ${listed(ids)}.`, 'Translate them in the XLIFF file (coursepack translate export adds any new texts).');

export const translationMissing = (span: SourceSpan, language: string) =>
  warning('translation-missing', span, `There is no translations/${language}.xlf: the "${language}" packages show the course in its source language.`, `Create it with coursepack translate export --lang ${language} and have it translated.`);

export const languagesSourceFirst = (span: SourceSpan, first: string, language: string) =>
  error('languages-source-first', span, `languages starts with "${first}", but the course is written in "${language}" (language:).`, `Put the source language first: languages: [${language}, …].`);

export const multiLanguageWithoutLanguages = (span: SourceSpan) =>
  error('multi-language-without-languages', span, 'multi-language: true puts every language of the course into one package, but the course has no languages: list.', 'Add languages: [<the source language>, …] (e.g. languages: [en, de]) or remove multi-language.');

export const languageNotInCourse = (span: SourceSpan, language: string, languages: readonly string[]) =>
  error('language-not-in-course', span, `--lang names "${language}", which is not one of the course's languages (${languages.join(', ')}).`, 'Add it to languages: in course.yaml, or leave it out of --lang.');

export const languageWithoutLanguages = (span: SourceSpan, language: string, source: string) =>
  error(
    'language-not-in-course',
    span,
    `--lang names "${language}", but the course is only in "${source}": it has no languages: list.`,
    `Add languages: [${source}, ${language}] to course.yaml and translate it (coursepack translate export --lang ${language}), or leave out --lang.`,
  );

export const xliffLanguageNotInCourse = (span: SourceSpan, language: string, languages: readonly string[]) =>
  error('language-not-in-course', span, `The file translates into "${language}", which is not one of the course's languages (${languages.join(', ')}).`, `Add it to languages: in course.yaml (languages: [${[...languages, language].join(', ')}]).`);

export const duplicateLanguage = (span: SourceSpan, language: string) =>
  error('duplicate-language', span, `"${language}" is in languages twice.`, 'Name each language once.');

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

/** `example`: a package the course is built to (its file name), which the other course's would overwrite. */
export const duplicateCourseId = (span: SourceSpan, id: string, otherFile: string, example: string) =>
  error(
    'duplicate-course-id',
    span,
    `The course id "${id}" is also the id of ${otherFile}; both would be written to the same packages (${example}…).`,
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

export const lmsTargetNotTaken = (span: SourceSpan, lms: string, target: string, takes: string) =>
  warning('lms-target-not-taken', span, `${lms} does not take ${target} packages.`, `Build what it takes: ${takes}.`);

export const lmsFailedNotShown = (span: SourceSpan, lms: string, target: string, report: string) =>
  warning(
    'lms-failed-not-shown',
    span,
    `${lms} keeps failed ${target} courses In Progress: with report: ${report} a learner below the passing score is never shown as failed there.`,
    'Use report: completed-incomplete (or passed-incomplete), or a SCORM 2004 package.',
  );

export const lmsNeedsScore = (span: SourceSpan, lms: string, target: string) =>
  warning('lms-needs-score', span, `${lms} is reported to complete ${target} courses cleanly only when they send a score, and this course sends none.`, 'Add passing-score to completion.require, or build a SCORM 1.2 package for it.');

export const lmsRefusesFile = (span: SourceSpan, lms: string, path: string) =>
  warning('lms-refuses-file', span, `${lms} refuses packages that hold script files such as "${path}".`, 'Leave the file out of the course, or zip it into an archive of its own.');

export const buildFailed = (span: SourceSpan, target: string, cause: unknown) =>
  error('build-failed', span, `Could not write the ${target} package: ${(cause as Error)?.message ?? String(cause)}.`, 'Check that the output folder is writable and the disk is not full.', cause);

export const badArgument = (message: string, hint?: string) => error('usage', undefined, message, hint);

export const outputNotAFolder = (outDir: string, file: string) => badArgument(`The output folder ${outDir} cannot be made: ${file} is a file.`, 'Give --out a folder (made if missing), e.g. --out build/lms.');

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

/** "3, 4 and 5"; after six items "and 12 more". */
function listed(items: readonly (number | string)[]): string {
  const shown = items.slice(0, 6).map(String);
  const rest = items.length - shown.length;
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

// Content blocks (validate/blocks.ts): media must be accessible (WCAG 2.1 1.2.1, 1.2.2) and the
// files they name must be of a kind a browser plays or opens.
export const captionsMissing = (span: SourceSpan, video: string) =>
  error(
    'captions-missing',
    span,
    `The video "${video}" has no captions.`,
    'Add "captions: assets/….vtt", a WebVTT file of what is said: learners who cannot hear it need them (WCAG 2.1, 1.2.2).',
  );

export const transcriptMissing = (span: SourceSpan, audio: string) =>
  error('transcript-missing', span, `The audio "${audio}" has no transcript.`, 'Add "transcript: |" with what is said: learners who cannot hear it read it instead (WCAG 2.1, 1.2.1).');

/** A problem in a WebVTT file, positioned in that file. */
export const captionsInvalid = (span: SourceSpan, problem: string, hint: string) => error('captions-invalid', span, `The captions file is not valid WebVTT: ${problem}.`, hint);

export const unsupportedFile = (span: SourceSpan, path: string, what: string, allowed: readonly string[]) =>
  error('unsupported-asset', span, `"${path}" is not a supported ${what} file.`, `Use one of: ${allowed.join(', ')}.`);

export const tooFewItems = (span: SourceSpan, what: string, count: number, min: number, max?: number) =>
  error('list-length', span, `${capitalise(what)} has ${count} item${count === 1 ? '' : 's'}; it needs ${max === undefined ? `at least ${min}` : `${min} to ${max}`}.`, count < min ? 'Add items.' : 'Remove some items, or split the block in two.');

export const fileContent = (span: SourceSpan, path: string, extension: string, what: string) =>
  error(
    'file-content',
    span,
    `"${path}" is named ${extension} but does not hold ${extension.slice(1).toUpperCase()} data: learners would get a ${what} that does not play or open.`,
    'Export or save the file again from the program that made it; renaming a file does not convert it.',
  );
