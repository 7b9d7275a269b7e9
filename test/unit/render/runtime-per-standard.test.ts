// Each package ships the runtime built for its own standard: no other standard's adapter.
import { readRuntime } from '../../../src/render';

const marks = {
  scorm12: 'LMSInitialize',
  scorm2004: 'API_1484_11',
  xapi: 'X-Experience-API-Version',
  cmi5: 'LMS.LaunchData',
} as const;
type Standard = keyof typeof marks;
const standards = Object.keys(marks) as Standard[];

test.each(standards)("the %s runtime holds its own adapter and none of the others'", (standard) => {
  const js = readRuntime(standard).toString('utf8');
  expect(js).toContain(marks[standard]);
  const others = standards.filter((other) => other !== standard && !(standard === 'cmi5' && other === 'xapi'));
  for (const other of others) expect({ other, found: js.includes(marks[other]) }).toEqual({ other, found: false });
});

test("the preview's runtime holds every adapter", () => {
  const js = readRuntime('scorm12', true).toString('utf8');
  for (const standard of standards) expect(js).toContain(marks[standard]);
});
