// The public API: build and check courses from code; the model types; the JSON Schemas of the
// course files; and the CLI's entry (one bundle for all, so an installed coursepack ships its
// code once).
export { build, type CatalogueBuildOptions, type CatalogueBuildResult, type CourseOutcome, type PackageOutcome, type Shard } from './catalogue/api';
export { buildCourse, checkCourse, CourseIds, DEFAULT_TARGETS, TARGETS, type Target, type BuildResult, type CheckResult, type Selection } from './compile';
export { LMS_IDS, LMS_PROFILES, type LmsId, type LmsProfile } from './standards/lms-profiles';
export { loadCourse } from './load';
export type { Diagnostic, SourceSpan } from './diagnostics';
export type * from './model';
export { jsonSchema, SCHEMA_KINDS, type JsonSchema, type SchemaKind } from './schema';
export { main } from './cli';
export { runCatalogueWorker } from './catalogue/worker';
