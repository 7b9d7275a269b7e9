import { createHash } from 'node:crypto';
import type { Course, Page, Policy, Question } from '../model';
import type { CourseData, PageData, PolicyEvidence, QuestionData, SceneData, ScormEvidence, Standard, TrackingOptions } from '../runtime/course-data';
import { cut, INTERACTION_DESCRIPTION_LIMIT, policyInteractionId } from '../standards/limits';
import { maxScenarioPoints } from '../validate';
import { markdownToText } from '../markdown';
import { revealCount } from './block-view';
import type { Strings } from './templates';

/** What the runtime needs to run the course: structure, scoring and the UI strings. */
export function buildCourseData(course: Course, standard: Standard, strings: Strings, tracking: TrackingOptions = {}): CourseData {
  const { pages, revision } = pagesOf(course);
  return {
    standard,
    id: course.id,
    activityId: course.activityId,
    title: course.title,
    version: course.version,
    language: course.language,
    revision,
    passingScore: course.completion.passingScore,
    require: course.completion.require,
    report: course.completion.report,
    navigation: course.navigation,
    ...(hasSeatTime(course) && { seat: { ...(course.minTime && { min: course.minTime }), idle: course.idleAfter } }),
    pages,
    strings,
    ...(Object.keys(tracking).length > 0 ? { tracking } : {}),
  };
}

// The pages' data and revision depend on the course alone: made once, not for every target and
// check (a catalogue course asked for them up to nine times).
const pagesMemo = new WeakMap<Course, { pages: PageData[]; revision: string }>();

function pagesOf(course: Course): { pages: PageData[]; revision: string } {
  let memo = pagesMemo.get(course);
  if (!memo) {
    const pageIndex = new Map(course.pages.map((page, index) => [page.id, index]));
    const pages = course.pages.map((page) => ({ ...pageData(page, pageIndex), ...(page.minTime && { minTime: page.minTime }) }));
    memo = { pages, revision: revisionOf(pages) };
    pagesMemo.set(course, memo);
  }
  return memo;
}

/** Seat time is counted (and the idle prompt shipped) only in a course that asks for it. */
export function hasSeatTime(course: Course): boolean {
  return Boolean(course.minTime || course.pages.some((page) => page.minTime));
}

/** Saved state refers to pages, scenes and questions by position: a new structure, a new revision. */
function revisionOf(pages: PageData[]): string {
  return createHash('sha256').update(JSON.stringify(pages)).digest('base64url').slice(0, 8);
}

function pageData(page: Page, pageIndex: ReadonlyMap<string, number>): PageData {
  switch (page.type) {
    case 'content': {
      const reveal = revealCount(page);
      return reveal ? { type: page.type, id: page.id, reveal } : { type: page.type, id: page.id };
    }
    case 'results':
      return { type: page.type, id: page.id, review: page.review, certificate: page.certificate };
    case 'attestation':
      return { type: 'attestation', id: page.id, statement: truncate(markdownToText(page.statement)), ...(page.policy && policyEvidence(page.id, page.policy, markdownToText(page.statement))) };
    case 'scenario': {
      const scenes: Record<string, SceneData> = {};
      for (const scene of page.scenes) {
        scenes[scene.id] =
          scene.kind === 'ending'
            ? { outcome: scene.outcome }
            : { description: truncate(markdownToText(scene.text)), choices: scene.choices.map(({ id, points, next }) => ({ id, points, next })) };
      }
      return { type: 'scenario', id: page.id, start: page.start, scenes, maxPoints: maxScenarioPoints(page), retry: page.retry };
    }
    case 'quiz':
      return {
        type: 'quiz',
        id: page.id,
        ...(page.mode === 'one-at-a-time' && { mode: page.mode }),
        shuffle: page.shuffle,
        draw: page.draw ?? page.questions.length,
        attempts: page.attempts,
        questions: page.questions.map((question) => questionData(question, pageIndex)),
        ...(page.testOut && { testOut: page.testOut.covers.map((ref) => pageIndex.get(ref.page) ?? -1) }),
      };
  }
}

/**
 * What the attestation's record carries of its policy. SCORM: the interaction id (1.2 has no
 * description) and the 2004 description, evidence first so the 250-character cut never takes it.
 */
function policyEvidence(pageId: string, policy: Policy, statement: string): { policy: PolicyEvidence; scorm: ScormEvidence } {
  const { title, version, sha256 } = policy;
  return {
    policy: { title, version, sha256, document: policy.document.path },
    scorm: { id: policyInteractionId(pageId, version, sha256), description: truncate(`${title} v${version} SHA-256 ${sha256}: ${statement}`) },
  };
}

function questionData(question: Question, pageIndex: ReadonlyMap<string, number>): QuestionData {
  const remediation = question.remediation ? pageIndex.get(question.remediation.page) : undefined;
  const base = {
    id: question.id,
    points: question.points,
    description: truncate(markdownToText(question.prompt)),
    ...(remediation === undefined ? {} : { remediation }),
  };
  switch (question.type) {
    case 'single-choice':
    case 'multiple-choice':
      return { ...base, type: question.type, choices: question.choices.map(({ id, correct }) => ({ id, correct })) };
    case 'true-false':
      return { ...base, type: question.type, answer: question.answer };
    case 'fill-in':
      return { ...base, type: question.type, accept: question.accept, caseSensitive: question.caseSensitive };
    case 'matching':
      return { ...base, type: question.type, sources: question.pairs.map((p) => p.sourceId), targets: question.pairs.map((p) => p.targetId) };
    case 'ordering':
      return { ...base, type: question.type, items: question.items.map((item) => item.id) };
    case 'numeric':
      return { ...base, type: question.type, answer: question.answer, tolerance: question.tolerance };
    case 'likert':
      return { ...base, type: question.type, points: 0, scale: question.scale.length || LIKERT_DEFAULT_SIZE, ...(question.pinned && { pinned: true as const }) };
  }
}

/** The default likert scale: the five agreement labels of the UI strings. */
export const LIKERT_DEFAULT_SIZE = 5;

/** An interaction description, cut to what SCORM 2004 LMSs keep. */
function truncate(text: string): string {
  return cut(text, INTERACTION_DESCRIPTION_LIMIT);
}
