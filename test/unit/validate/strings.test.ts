// `strings:` in course.yaml: accepted texts reach the course (over its language's), broken
// plurals and unknown placeholders are refused where they are written.
import { checkYaml, HEAD, PAGE } from './temp-course';

const course = (language: string, strings: string) => checkYaml(`title: T\n${HEAD.replace('language: en', `language: ${language}`)}strings:\n${strings}${PAGE}`);

test("the course's texts go over those of its language; a plural may be rewritten or left out", () => {
  const { course: read, report } = course('de', '  next: Weiter geht’s\n  attemptsLeft: "Versuche übrig: {n}"\n  quizScore: "{correct}/{total, plural, one {# Frage} other {# Fragen}}"\n');
  expect(report.errors).toEqual([]);
  expect(read?.strings.next).toBe('Weiter geht’s');
  expect(read?.strings.attemptsLeft).toBe('Versuche übrig: {n}');
  expect(read?.strings.back).toBe('Zurück');
});

test.each([
  ['not closed', '"{n, plural, one {# Versuch} other {# Versuche}"', 'is not complete'],
  ['no other form', '"{n, plural, one {# Versuch}}"', 'no "other" form'],
  ['a category that does not exist', '"{n, plural, one {# Versuch} several {# Versuche} other {# Versuche}}"', '"several" is not a plural category'],
])('a plural %s is refused at its text', (_, text, words) => {
  const { report } = course('de', `  attemptsLeft: ${text}\n`);
  const [error] = report.errors;
  expect([error?.code, error?.span?.start.line, error?.span?.start.column]).toEqual(['invalid-plural', 8, 17]);
  expect(error?.message).toContain(words);
});
