// A memory for pure functions of a text: this folder's Markdown, and render's per-language formatting.

/** Texts remembered per function within one build: past this many, that build's are let go (it stays flat). */
const REMEMBERED = 2000;

/** A function's memory: the texts of this build, and of the build before it. */
interface Memory {
  current: Map<string, unknown>;
  previous: Map<string, unknown>;
}

const memories: Memory[] = [];

/**
 * A build begins (compile.ts, each course checked): what the build before the last one asked
 * for and the last did not is forgotten. A preview or --watch rebuild of a course meets the
 * texts it met last time, which stay; a catalogue's next course has texts of its own, and
 * keeping its predecessors' (up to 2000 per function) kept each build worker's old generation
 * ~5 MiB larger (measured: 26-28 → 21 MiB committed, 500 courses).
 */
export function newGeneration(): void {
  for (const memory of memories) {
    memory.previous = memory.current;
    memory.current = new Map();
  }
}

/**
 * A pure function of a text that remembers its recent results: a course's texts are inspected by
 * validate and rendered once per target (five times in a full build), a preview or --watch
 * rebuild meets the same texts again, and sanitising is most of a build's CPU. Results are
 * shared, so callers must not change them.
 */
export function remembered<T>(compute: (source: string) => T): (source: string) => T {
  const memory: Memory = { current: new Map(), previous: new Map() };
  memories.push(memory);
  return (source) => {
    if (memory.current.has(source)) return memory.current.get(source) as T;
    const result = memory.previous.has(source) ? (memory.previous.get(source) as T) : compute(source);
    if (memory.current.size >= REMEMBERED) memory.current.clear();
    memory.current.set(source, result);
    return result;
  };
}
