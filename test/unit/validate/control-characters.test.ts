// Characters XML 1.0 forbids (C0 controls other than tab and newline, U+FFFE, U+FFFF) make every
// manifest ill-formed: they are refused where they are written, however they were written.
import { formatDiagnostic } from '../../../src/diagnostics';
import { checkYaml as check, HEAD, PAGE, positions } from './temp-course';

const at = (report: Parameters<typeof positions>[0]) => positions(report);

test('an escape in a double-quoted string is found where it is written', () => {
  const { course, report } = check(`${HEAD}title: "Bell\\a and tab\\t are different"\n${PAGE}`);
  expect(course).toBeUndefined();
  expect(at(report)).toEqual([['control-character', 6, 13]]);
  expect(report.errors[0]?.message).toContain('U+0007');
});

test('each text of a list is checked: a keyword with U+FFFE', () => {
  const { report } = check(`${HEAD}title: Fine\nkeywords: [one, "tw\\uFFFEo"]\n${PAGE}`);
  expect(at(report)).toEqual([['control-character', 7, 20]]);
});

test('texts deep in a page are checked: a NUL in a scenario choice', () => {
  const page = 'pages:\n  - id: s\n    type: scenario\n    title: S\n    start: a\n    scenes:\n      a:\n        text: Choose.\n        choices:\n          - { text: "Go\\0", points: 1, next: b }\n      b: { text: End., outcome: pass }\n';
  const { report } = check(`${HEAD}title: Fine\n${page}`);
  expect(at(report)).toEqual([['control-character', 16, 24]]);
});

test('tab and newline are ordinary text', () => {
  const { course, report } = check(`${HEAD}title: "Tab\\there"\n${PAGE.replace('Welcome.', '"Two\\nlines"')}`);
  expect(report.diagnostics).toEqual([]);
  expect(course?.title).toBe('Tab\there');
});

test('a template override with a control character is refused at its line and column', () => {
  const header = '<header class="course-header">\n  <h1 class="course-title">{{course.title}}\u000c</h1>\n</header>\n';
  const { report } = check(`${HEAD}title: Fine\n${PAGE}`, { 'partials/header.hbs': header });
  expect(report.errors.find((d) => d.code === 'control-character')?.span?.start).toMatchObject({ line: 2, column: 44 });
});

test('the code frame shows the invisible character as a visible symbol, and prints no raw control character', () => {
  const { report, sources } = check(`${HEAD}title: "Ring \u001b[31mred"\n${PAGE}`);
  const text = formatDiagnostic(report.errors[0]!, { sources, color: false });
  expect(text).toContain('> 6 | title: "Ring ␛[31mred"');
  expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
});
