// The queue every SCORM write goes through: order kept, only the last value of an element,
// interactions dropped after a refused id, slices that let the page answer, drain on exit.
import { WriteQueue } from '../../../src/runtime/tracking/write-queue';

/** An LMS that logs each call, taking `callMs` of (fake) time, and refuses the elements asked. */
function lms(callMs = 0, refuse: string[] = []) {
  let now = 0;
  jest.spyOn(Date, 'now').mockImplementation(() => now);
  const calls: string[] = [];
  const take = (call: string, ok = true): boolean => {
    now += callMs;
    calls.push(call);
    return ok;
  };
  const writer = {
    set: (element: string, value: string) => take(`set ${element}=${value}`, !refuse.includes(element)),
    append: (element: string, value: string) => take(`append ${element}=${value}`, !refuse.includes(element)),
    commit: () => void take('commit'),
  };
  const pending: Array<() => void> = [];
  const queue = new WriteQueue(writer, (run) => pending.push(run));
  /** Lets the page paint once: the next scheduled slice runs. */
  const frame = (): void => pending.shift()?.();
  return { queue, calls, frame, pending };
}

afterEach(() => jest.restoreAllMocks());

describe('write queue', () => {
  it('writes nothing until the page has painted, then everything in order, the commit last', () => {
    const { queue, calls, frame } = lms();
    queue.set('cmi.location', 'quiz');
    queue.record([['cmi.interactions.0.id', 'q.a'], ['cmi.interactions.0.type', 'choice'], ['cmi.interactions.0.learner_response', 'x']]);
    queue.commit();
    queue.commit();
    expect(calls).toEqual([]);
    frame();
    expect(calls).toEqual(['set cmi.location=quiz', 'append cmi.interactions.0.id=q.a', 'append cmi.interactions.0.type=choice', 'append cmi.interactions.0.learner_response=x', 'commit']);
  });

  it('writes only the last value of an element still waiting, where the first one stood', () => {
    const { queue, calls, frame } = lms();
    queue.set('cmi.score.raw', '1');
    queue.record([['cmi.interactions.0.id', 'q.a']]);
    queue.set('cmi.score.raw', '2');
    expect(queue.has('cmi.score.raw')).toBe(true);
    frame();
    expect(calls).toEqual(['set cmi.score.raw=2', 'append cmi.interactions.0.id=q.a']);
    expect(queue.has('cmi.score.raw')).toBe(false);
  });

  it('drops the rest of an interaction whose id the LMS refuses, and goes on with the next', () => {
    const { queue, calls, frame } = lms(0, ['cmi.interactions.0.id']);
    queue.record([['cmi.interactions.0.id', 'bad'], ['cmi.interactions.0.type', 'choice']]);
    queue.record([['cmi.interactions.1.id', 'q.b'], ['cmi.interactions.1.type', 'choice']]);
    frame();
    expect(calls).toEqual(['append cmi.interactions.0.id=bad', 'append cmi.interactions.1.id=q.b', 'append cmi.interactions.1.type=choice']);
  });

  it('with an LMS that blocks 300 ms a call, makes one call per slice and lets the page paint between', () => {
    const { queue, calls, frame, pending } = lms(300);
    queue.record([['cmi.interactions.0.id', 'q.a'], ['cmi.interactions.0.type', 'choice'], ['cmi.interactions.0.result', 'correct']]);
    queue.commit();
    for (let slice = 1; slice <= 4; slice++) {
      frame();
      expect(calls).toHaveLength(slice);
    }
    expect(pending).toHaveLength(0);
    expect(calls[3]).toBe('commit');
  });

  it('drains everything at once when the page goes away', () => {
    const { queue, calls } = lms(300);
    queue.set('cmi.exit', 'suspend');
    queue.record([['cmi.interactions.0.id', 'q.a'], ['cmi.interactions.0.type', 'choice']]);
    queue.commit();
    queue.drain();
    expect(calls).toEqual(['set cmi.exit=suspend', 'append cmi.interactions.0.id=q.a', 'append cmi.interactions.0.type=choice', 'commit']);
  });
});
