// Picks the adapter for the package's standard; no LMS found means standalone mode.
import { findApi } from './discover-api';
import { LocalBackupTracker } from './local-backup';
import { Scorm12Tracker } from './scorm12';
import { Scorm2004Tracker } from './scorm2004';
import { localStorageOf, StandaloneTracker } from './standalone';
import type { CourseData } from '../course-data';
import { Cmi5Tracker } from './xapi/cmi5-tracker';
import { readLaunchParameters } from './xapi/launch';
import { XapiTracker } from './xapi/xapi-tracker';
import type { Tracker } from './tracker';

export type { Tracker } from './tracker';

/**
 * The standard this runtime was built for ('all' in the preview's): set by scripts/build-tool.mjs,
 * so each package carries only its own adapter and the rest is dropped as dead code.
 */
declare const STANDARD: 'scorm12' | 'scorm2004' | 'xapi' | 'cmi5' | 'all';

export function createTrackerFor(data: CourseData, win: Window): Tracker {
  const { standard, id: courseId } = data;
  if ((STANDARD === 'all' || STANDARD === 'xapi' || STANDARD === 'cmi5') && (standard === 'xapi' || standard === 'cmi5')) {
    const launch = readLaunchParameters(win.location.search);
    if (launch.endpoint && (STANDARD === 'all' || STANDARD === 'cmi5') && standard === 'cmi5') return new Cmi5Tracker(data, launch, win);
    if (launch.endpoint && (STANDARD === 'all' || STANDARD === 'xapi') && standard === 'xapi') return new XapiTracker(data, launch, win);
  }
  const backupKey = `coursepack:backup:${courseId}:${standard}`;
  if ((STANDARD === 'all' || STANDARD === 'scorm12') && standard === 'scorm12') {
    const api = findApi<object>(win, 'API');
    if (api) return new LocalBackupTracker(new Scorm12Tracker(api, data.tracking?.suspendDataLimit), localStorageOf(win), backupKey);
  }
  if ((STANDARD === 'all' || STANDARD === 'scorm2004') && standard === 'scorm2004') {
    const api = findApi<object>(win, 'API_1484_11');
    if (api) return new LocalBackupTracker(new Scorm2004Tracker(api, data.tracking?.suspendDataLimit), localStorageOf(win), backupKey);
  }
  return new StandaloneTracker(localStorageOf(win), `coursepack:${courseId}`);
}
