// The default number of jobs: a worker per COURSES_PER_WORKER courses, at least one, at most the cores.
import { COURSES_PER_WORKER, defaultJobs } from '../../../src/catalogue/run';

test.each([
  [1, 2, 1],
  [COURSES_PER_WORKER * 2 - 1, 2, 1],
  [COURSES_PER_WORKER * 2, 2, 2],
  [500, 2, 2],
  [COURSES_PER_WORKER * 3, 8, 3],
  [500, 8, 8],
  [500, 1, 1],
])('%i courses on %i cores: %i', (courses, cores, jobs) => {
  expect(defaultJobs(courses, cores)).toBe(jobs);
});
