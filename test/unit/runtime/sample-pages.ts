// Page data the runtime tests share: the basic course's scenario, two decisions to an ending.
import type { ScenarioPageData } from '../../../src/runtime/course-data';

export const scenario: ScenarioPageData = {
  type: 'scenario',
  retry: false,
  id: 'dilemma',
  start: 'first',
  maxPoints: 20,
  scenes: {
    first: { description: 'First', choices: [{ id: 'argue', points: 0, next: 'bad' }, { id: 'refer', points: 10, next: 'second' }] },
    second: { description: 'Second', choices: [{ id: 'promise', points: 5, next: 'bad' }, { id: 'private', points: 10, next: 'good' }] },
    bad: { outcome: 'fail' },
    good: { outcome: 'pass' },
  },
};
