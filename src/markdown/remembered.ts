// A memory for pure functions of a text: this folder's Markdown, and render's per-language formatting.

/** Texts remembered per function: past this many, the memory is emptied (it stays flat). */
const REMEMBERED = 2000;

/**
 * A pure function of a text that remembers its recent results: a course's texts are inspected by
 * validate and rendered once per target (five times in a full build), a preview or --watch
 * rebuild meets the same texts again, and sanitising is most of a build's CPU. Results are
 * shared, so callers must not change them.
 */
export function remembered<T>(compute: (source: string) => T): (source: string) => T {
  const seen = new Map<string, T>();
  return (source) => {
    if (seen.has(source)) return seen.get(source) as T;
    if (seen.size >= REMEMBERED) seen.clear();
    const result = compute(source);
    seen.set(source, result);
    return result;
  };
}
