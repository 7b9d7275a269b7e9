import { newGeneration, remembered } from '../../../src/markdown/remembered';

/** A remembered function that counts how often it really computes. */
function counted(): { f: (source: string) => string; computed: () => number } {
  let count = 0;
  const f = remembered((source: string) => {
    count++;
    return source.toUpperCase();
  });
  return { f, computed: () => count };
}

describe('remembered', () => {
  it('computes a text once, however often it is asked for', () => {
    const { f, computed } = counted();
    expect([f('a'), f('a'), f('b'), f('a')]).toEqual(['A', 'A', 'B', 'A']);
    expect(computed()).toBe(2);
  });

  it('keeps a text the last build used (a preview rebuilds the same course)', () => {
    const { f, computed } = counted();
    f('kept');
    newGeneration();
    f('kept');
    newGeneration();
    f('kept');
    expect(computed()).toBe(1);
  });

  it("forgets a text the last build did not use (a catalogue's next course has texts of its own)", () => {
    const { f, computed } = counted();
    f('first course');
    newGeneration();
    f('second course');
    newGeneration();
    f('third course');
    f('first course');
    expect(computed()).toBe(4);
  });
});
