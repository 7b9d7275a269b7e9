// The public API: build and check courses from code; the model types.
export { buildCourse, checkCourse, CourseIds, TARGETS, type Target, type BuildResult, type CheckResult } from './compile';
export { loadCourse } from './load';
export type { Diagnostic, SourceSpan } from './diagnostics';
export type * from './model';
