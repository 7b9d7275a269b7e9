// The build-time warnings of an LMS profile: what the course does that the LMS will not record or
// show. The facts are data (standards/lms-profiles.ts); each rule here reads one kind of fact.
import { messages, type Report } from '../diagnostics';
import type { Course } from '../model';
import { LMS_PROFILES, type LmsId } from '../standards/lms-profiles';
import { type Target, TARGET_NAMES } from '../standards/targets';

/** Checks the course and the targets built for it against what the LMS is known to do. */
export function checkLmsProfile(course: Course, lms: LmsId, targets: readonly Target[], report: Report): void {
  const profile = LMS_PROFILES[lms];
  // A warning points at the key that chose the LMS, else at the top of course.yaml.
  const at = course.lms?.span ?? course.span;
  const takes = profile.takes.map((target) => `${target} (${TARGET_NAMES[target]})`).join(', ');
  for (const target of targets) {
    if (!profile.takes.includes(target)) report.add(messages.lmsTargetNotTaken(course.targets?.span ?? at, profile.name, TARGET_NAMES[target], takes));
    // A failed status goes out only with these reports (README, "Status reporting").
    const failedSent = course.completion.report === 'passed-failed' || course.completion.report === 'completed-failed';
    if (failedSent && profile.failedNotShown?.includes(target)) {
      report.add(messages.lmsFailedNotShown(course.completion.reportSpan ?? at, profile.name, TARGET_NAMES[target], course.completion.report));
    }
    if (profile.completesWithScore?.includes(target) && !course.completion.require.includes('passing-score')) report.add(messages.lmsNeedsScore(at, profile.name, TARGET_NAMES[target]));
  }
  for (const asset of course.assets) {
    const extension = asset.path.split('.').pop()?.toLowerCase() ?? '';
    if (asset.path.includes('.') && profile.refusedFiles?.includes(extension)) report.add(messages.lmsRefusesFile(asset.span, profile.name, asset.path));
  }
}
