import { LatencyClock } from '../../../src/runtime/player/latency';

/** A clock that moves only when told to. */
function fakeClock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('per-question latency', () => {
  it('runs from the questions first shown to the last change of each answer', () => {
    const time = fakeClock();
    const clock = new LatencyClock(time.now);
    clock.shown();
    time.advance(5_000);
    clock.changed('a');
    time.advance(20_000);
    clock.changed('b');
    time.advance(10_000);
    clock.changed('a');
    // Leaving the page and coming back does not restart the clock.
    time.advance(60_000);
    clock.shown();
    time.advance(1_000);
    expect(clock.latency('a')).toBe(35_000);
    expect(clock.latency('b')).toBe(25_000);
    // Never changed (an ordering accepted as shown): up to now, the submit.
    expect(clock.latency('c')).toBe(96_000);
  });

  it('starts again for a new attempt', () => {
    const time = fakeClock();
    const clock = new LatencyClock(time.now);
    clock.shown();
    clock.changed('a');
    time.advance(30_000);
    clock.restart();
    time.advance(4_000);
    clock.changed('b');
    time.advance(2_000);
    expect(clock.latency('b')).toBe(4_000);
    expect(clock.latency('a')).toBe(6_000);
  });
});
