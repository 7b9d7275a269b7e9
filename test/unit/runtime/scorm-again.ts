// Loads scorm-again's browser builds into the jsdom window, the way an LMS page would.
import { readFileSync } from 'node:fs';

type Cmi = Record<string, unknown>;
export interface LmsApi {
  loadFromJSON(json: Cmi, element?: string): void;
  renderCMIToJSONObject(): Cmi;
  [method: string]: unknown;
}
type ApiClass = new (settings: Record<string, unknown>) => LmsApi;

function load(file: string, name: string): ApiClass {
  const source = readFileSync(require.resolve(`scorm-again/${file}`), 'utf8');
  // The builds assign to `this`: run them with the window as `this`.
  new Function(source).call(window);
  return (window as unknown as Record<string, ApiClass>)[name] as ApiClass;
}

const settings = { autocommit: false, lmsCommitUrl: false, logLevel: 5 };

export function scorm12Lms(cmi: Cmi = {}): LmsApi {
  const api = new (load('scorm12', 'Scorm12API'))(settings);
  api.loadFromJSON(cmi);
  return api;
}

export function scorm2004Lms(cmi: Cmi = {}): LmsApi {
  const api = new (load('scorm2004', 'Scorm2004API'))(settings);
  api.loadFromJSON(cmi);
  return api;
}
