// The files coursepack writes into packages itself, beside the course's own assets. A course file
// of the same name would be written twice or replace one of them (test/unit/render checks that
// every package holds no other generated file than these).

/** Generated at the root of packages (render: page, theme, runtime; emit: each target's manifest). */
export const GENERATED_FILES: readonly string[] = ['index.html', 'theme.css', 'coursepack.js', 'imsmanifest.xml', 'tincan.xml', 'cmi5.xml'];

/**
 * Whether a course file's package path is taken by a generated file: compared without case, as
 * the zip is unpacked on Windows and macOS file systems too.
 */
export function isGeneratedFile(path: string): boolean {
  return GENERATED_FILES.includes(path.toLowerCase());
}
