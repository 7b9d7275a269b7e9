import { durationSeconds } from '../../../src/format';

test.each([
  ['PT30S', 30],
  ['PT2M', 120],
  ['PT1H30M', 5400],
  ['PT1M2.6S', 63],
  ['P1DT1S', 86401],
  ['P1W', 604800],
])('%s is %i seconds', (duration, seconds) => {
  expect(durationSeconds(duration)).toBe(seconds);
});
