// The LMS side of a browser test: scorm-again's API in a page that launches the course in a
// frame or a popup, and keeps only what was committed, as Moodle does (or, on demand, not even
// that). It also behaves as the real LMSs we have seen do (../shared/design/lms-facts.md), each
// behaviour switchable per test, so a test double kinder than the real LMS hides no bug.
export type Standard = 'scorm12' | 'scorm2004';
export type LaunchMethod = 'frame' | 'popup';

/** How the LMS treats what the course sends; the harness turns the real LMSs' ways on by default. */
export interface LmsBehaviours {
  /**
   * The LMS derives the status from score and mastery score when it stores. SCORM 1.2: on
   * LMSFinish in normal mode with credit, raw >= mastery_score → passed, else failed (Moodle's
   * default "mastery score overrides status", mod/scorm/datamodels/scorm_12.js StoreData;
   * scorm-again's `mastery_override`). SCORM 2004: success_status from score.scaled and
   * scaled_passing_score (RTE 4.2.21.1a), on every store.
   */
  statusFromScore: boolean;
  /**
   * Response identifiers checked as Moodle does: SCORM 2004 learner_response and
   * correct_responses.n.pattern of choice, sequencing, matching and likert interactions must be
   * short identifiers `^[\w.]{1,250}$` (scorm_13.js CMIShortIdentifier) or SetValue fails with
   * 406; SCORM 1.2 student_response and patterns of those types must be single characters 0-9,
   * a-z (SCORM 1.2 RTE 3.4.4, cmi.interactions.n.student_response) or LMSSetValue fails with 405.
   */
  strictIdentifiers: boolean;
  /** Every API call blocks this long (ms): an LMS that asks its server synchronously each time. */
  blockMs: number;
  /** An LMS that records nothing: Initialize answers false, SetValue answers false, or every call throws. */
  refuse: 'none' | 'initialize' | 'set-value' | 'throw';
}

export interface LmsConfig {
  standard: Standard;
  /** CMI the LMS starts with (learner name, mastery score, the saved bookmark and state…). */
  cmi: Record<string, unknown>;
  courseUrl: string;
  launch: LaunchMethod;
  behaviours: LmsBehaviours;
}

const METHODS = {
  scorm12: ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'],
  scorm2004: ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'],
};

/**
 * Runs in the browser: wraps every API method to log calls, apply the behaviours and snapshot
 * the CMI on commit. `window.lms.behaviours` may be changed by a test while the course runs.
 */
function installLms(config: LmsConfig, methods: string[]): void {
  const w = window as any;
  const scorm12 = config.standard === 'scorm12';
  const Api = scorm12 ? w.Scorm12API : w.Scorm2004API;
  const api = new Api({ autocommit: false, lmsCommitUrl: false, logLevel: 5, mastery_override: config.behaviours.statusFromScore });
  api.loadFromJSON(config.cmi);
  // `dropping`: Commit and Terminate still answer "true" but store nothing, as Moodle does once
  // its session has expired.
  const lms = { calls: [] as unknown[], stored: null as unknown, commits: 0, terminated: 0, dropping: false, behaviours: config.behaviours };
  const [initialize, terminate, , setValue, commit] = methods;
  const stores = new Set([terminate, commit]);
  const responseElement = scorm12 ? /^cmi\.interactions\.(\d+)\.(student_response|correct_responses\.\d+\.pattern)$/ : /^cmi\.interactions\.(\d+)\.(learner_response|correct_responses\.\d+\.pattern)$/;
  const identifierTypes = ['choice', 'sequencing', 'matching', 'likert'];

  const identifiersOk = (type: string, value: string): boolean => {
    if (!scorm12) return value.split('[,]').every((node) => node.split('[.]').every((part) => /^[\w.]{1,250}$/.test(part)));
    const inner = type === 'choice' ? value.replace(/^\{(.*)\}$/, '$1') : value;
    return inner.split(',').every((node) => (type === 'matching' ? node.split('.') : [node]).every((part) => /^[0-9a-z]$/.test(part)));
  };
  /** Moodle's check of a response or pattern; false when the LMS refuses it. */
  const accepts = (element: string, value: string): boolean => {
    const match = responseElement.exec(element);
    if (!lms.behaviours.strictIdentifiers || !match) return true;
    // 1.2 interactions are write-only: their getters throw, so read the stored field.
    const interaction = api.cmi.interactions.childArray[Number(match[1])];
    const type = String((scorm12 ? interaction?._type : interaction?.type) ?? '');
    return !identifierTypes.includes(type) || identifiersOk(type, String(value));
  };
  /** What the LMS keeps: the CMI, with the status it derives (see LmsBehaviours.statusFromScore). */
  const snapshot = (): unknown => {
    const cmi = api.renderCMIToJSONObject().cmi;
    if (!scorm12 && lms.behaviours.statusFromScore && cmi.mode === 'normal' && cmi.credit === 'credit') {
      const passing = parseFloat(cmi.scaled_passing_score);
      const scaled = parseFloat(cmi.score?.scaled);
      if (!Number.isNaN(passing)) cmi.success_status = Number.isNaN(scaled) ? 'unknown' : scaled >= passing ? 'passed' : 'failed';
    }
    return cmi;
  };
  const block = (): void => {
    const until = performance.now() + lms.behaviours.blockMs;
    while (performance.now() < until) {
      // An LMS waiting for its server, synchronously.
    }
  };
  const refusal = (method: string): string | undefined => {
    const { refuse } = lms.behaviours;
    if (refuse === 'throw') throw new Error('LMS server unavailable');
    if ((refuse === 'initialize' && method === initialize) || (refuse === 'set-value' && method === setValue)) {
      api.lastErrorCode = scorm12 ? '101' : method === initialize ? '102' : '351';
      return 'false';
    }
    return undefined;
  };

  for (const method of methods) {
    const original = api[method].bind(api);
    api[method] = (...args: string[]) => {
      block();
      let result = refusal(method);
      if (result === undefined && method === setValue && !accepts(args[0] ?? '', args[1] ?? '')) {
        api.lastErrorCode = scorm12 ? '405' : '406';
        result = 'false';
      }
      if (result === undefined) result = original(...args);
      lms.calls.push({ method, args, result: String(result) });
      if (stores.has(method) && String(result) === 'true' && !lms.dropping) {
        lms.commits++;
        lms.stored = snapshot();
      }
      if (method === terminate) lms.terminated++;
      return result;
    };
  }
  w.lms = lms;
  w[scorm12 ? 'API' : 'API_1484_11'] = api;
}

export function lmsPageHtml(config: LmsConfig, scormAgainUrl: string): string {
  const launch =
    config.launch === 'frame'
      ? `<iframe id="course" title="Course" src="${config.courseUrl}" style="width:1024px;height:768px;border:0"></iframe>`
      : `<button type="button" id="launch" onclick="window.courseWindow = window.open('${config.courseUrl}', 'course')">Launch course</button>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="${scormAgainUrl}"></script>
<script>(${installLms.toString()})(${JSON.stringify(config)}, ${JSON.stringify(METHODS[config.standard])});</script>
</head><body><h1>Test LMS</h1>${launch}</body></html>`;
}
