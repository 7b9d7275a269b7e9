// The public API: build and check courses from code; the model types; and the CLI's entry
// (one bundle for both, so an installed coursepack ships its code once).
export { buildCourse, checkCourse, CourseIds, TARGETS, type Target, type BuildResult, type CheckResult } from './compile';
export { loadCourse } from './load';
export type { Diagnostic, SourceSpan } from './diagnostics';
export type * from './model';
export { main } from './cli';
