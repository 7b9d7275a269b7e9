// The LMS side of a browser test: scorm-again's API in a page that launches the course in a
// frame or a popup, and keeps only what was committed, as Moodle does (or, on demand, not even that).
export type Standard = 'scorm12' | 'scorm2004';
export type LaunchMethod = 'frame' | 'popup';

export interface LmsConfig {
  standard: Standard;
  /** CMI the LMS starts with (learner name, mastery score, the saved bookmark and state…). */
  cmi: Record<string, unknown>;
  courseUrl: string;
  launch: LaunchMethod;
}

const METHODS = {
  scorm12: ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'],
  scorm2004: ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'],
};

/** Runs in the browser: wraps every API method to log calls and snapshot the CMI on commit. */
function installLms(config: LmsConfig, methods: string[]): void {
  const w = window as any;
  const Api = config.standard === 'scorm12' ? w.Scorm12API : w.Scorm2004API;
  const api = new Api({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
  api.loadFromJSON(config.cmi);
  // `dropping`: Commit and Terminate still answer "true" but store nothing, as Moodle does once
  // its session has expired.
  const lms = { calls: [] as unknown[], stored: null as unknown, commits: 0, terminated: 0, dropping: false };
  const stores = new Set([methods[1], methods[4]]);
  for (const method of methods) {
    const original = api[method].bind(api);
    api[method] = (...args: string[]) => {
      const result = original(...args);
      lms.calls.push({ method, args, result: String(result) });
      if (stores.has(method) && String(result) === 'true' && !lms.dropping) {
        lms.commits++;
        lms.stored = api.renderCMIToJSONObject().cmi;
      }
      if (method === methods[1]) lms.terminated++;
      return result;
    };
  }
  w.lms = lms;
  w[config.standard === 'scorm12' ? 'API' : 'API_1484_11'] = api;
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
