// `character:` of a scenario as the validator reads it: the portrait is optional, its alt text
// defaults to the name and role, and a wrong value is reported where it is written.
import { checkYaml, HEAD, positions } from './temp-course';

const scenario = (character: string) => `${HEAD}title: T
pages:
  - id: dilemma
    type: scenario
    title: A dilemma
    character: ${character}
    start: first
    scenes:
      first: { text: What now?, choices: [{ text: Go on, points: 1, next: end }] }
      end: { text: Done., outcome: pass }
`;

const characterOf = (yaml: string) => {
  const { course, report } = checkYaml(yaml);
  expect(report.diagnostics).toEqual([]);
  const page = course?.pages[0];
  return page?.type === 'scenario' ? page.character : undefined;
};

test('a character needs only a name; without a portrait it is still shown by name', () => {
  expect(characterOf(scenario('{ name: Sam Ortiz }'))).toMatchObject({ name: 'Sam Ortiz', alt: 'Sam Ortiz' });
  expect(characterOf(scenario('{ name: Sam Ortiz, role: Warehouse team }'))).toMatchObject({ name: 'Sam Ortiz', role: 'Warehouse team', alt: 'Sam Ortiz, Warehouse team' });
  expect(characterOf(scenario('{ name: Sam Ortiz, alt: "" }'))).toMatchObject({ alt: '' });
});

test('a character without a name, or given as text, is reported at the character', () => {
  expect(positions(checkYaml(scenario('{ role: Warehouse team }')).report)).toEqual([['missing-key', 11, 16]]);
  expect(positions(checkYaml(scenario('Sam Ortiz')).report)).toEqual([['wrong-type', 11, 16]]);
});
