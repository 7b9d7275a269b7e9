// How a catalogue build's V8 heaps grow. By default V8 lets an old generation grow to several
// times its live size between full collections, from a starting size meant for long-lived
// browser pages: a build thread's live heap is flat at about 20 MiB (a course's data goes once it
// is built), yet it grew to 100 MiB, in each worker. Growing to twice the live size keeps each
// heap near what it holds. Measured on 100 of the bench's courses: peak RSS 176 → 148 MiB with one
// worker, 244 → 211 with two, CPU within 2% (the noise). Growing by half cost 8% more CPU.
import { setFlagsFromString } from 'node:v8';

const FLAGS = { 'heap-growing-percent': 100, 'initial-old-space-size': 8 };

/**
 * Runs a catalogue build with those flags: the building thread takes them from its next full
 * collection on, and workers started meanwhile are created with them. They are set back after: V8
 * refuses a code cache made under other flags than its own process's, and the CLI writes its cache
 * (bin/coursepack.js) once the command is done. Flags the user gave node are left as they are.
 */
export async function withCatalogueHeap<T>(run: () => Promise<T>): Promise<T> {
  const given = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
  const ours = Object.entries(FLAGS).filter(([name]) => !given.includes(`--${name}`) && !given.includes(`--${name.replaceAll('-', '_')}`));
  for (const [name, value] of ours) setFlagsFromString(`--${name}=${value}`);
  try {
    return await run();
  } finally {
    // Both default to 0 (V8's own sizing).
    for (const [name] of ours) setFlagsFromString(`--${name}=0`);
  }
}
