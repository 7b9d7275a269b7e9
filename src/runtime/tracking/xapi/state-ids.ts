/** The State API document holding the bookmark and progress (read by the preview's panel too). */
export const RESUME_STATE_ID = 'https://w3id.org/coursepack/state/resume';
