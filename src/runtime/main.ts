// Entry point of the browser runtime that ships in every package.
import type { CourseData } from './course-data';
import { Player } from './player/player';
import { createTrackerFor } from './tracking';
import { installPreview } from './preview';
import { LaunchError, type Tracker } from './tracking/tracker';
import { readLanguages } from './languages';

/** True only in the preview's build of the runtime (esbuild `define`, see scripts/build-tool.mjs). */
declare const PREVIEW: boolean;

async function boot(): Promise<void> {
  const languages = readLanguages(document);
  let data = JSON.parse(document.getElementById('cp-data')?.textContent ?? '{}') as CourseData;
  const tracker: Tracker = createTrackerFor(data, window);
  try {
    await tracker.prepare?.();
  } catch (error) {
    return showLaunchError(error instanceof LaunchError ? error.message : (data.strings.launchFailed ?? String(error)));
  }
  const launch = tracker.start();
  // The LMS's preference, then the browser's; the source language when neither is in the package.
  if (languages) data = languages.show(languages.pick([tracker.preferredLanguage?.() ?? '', ...navigator.languages]));
  tracker.useCourseData?.(data);
  let player = new Player(data, tracker, document, launch);
  player.start();
  languages?.onSwitch((lang) => {
    const { launch: resumed, onCover } = player.handOver();
    data = languages.show(lang);
    tracker.useCourseData?.(data);
    player = new Player(data, tracker, document, resumed);
    player.start(!onCover);
    document.getElementById('cp-language')?.focus();
  });
  if (PREVIEW) installPreview(player, data, document);
  // Lets `npm run bench` (and anyone profiling in an LMS) see when the first page is usable.
  performance.mark?.('coursepack:ready');
  // Browsers block synchronous requests during unload, so commit as soon as the page is hidden.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') player.flush();
  });
  window.addEventListener('pagehide', () => player.leave(true));
  keepAlive(tracker, data.tracking?.keepAliveMinutes);
}

/** Some LMSs end their session while the course runs in its own window (course data: keepAliveMinutes). */
function keepAlive(tracker: Tracker, minutes: number | undefined): void {
  if (minutes && tracker.keepAlive) setInterval(() => tracker.keepAlive?.(), minutes * 60_000);
}

/** The course cannot start: say so in place of the first page, where a screen reader hears it. */
function showLaunchError(message: string): void {
  const notice = document.getElementById('cp-notice');
  const text = document.getElementById('cp-notice-text');
  if (!notice || !text) return;
  text.setAttribute('role', 'alert');
  text.textContent = message;
  notice.hidden = false;
  document.querySelector<HTMLElement>('.course-nav')?.setAttribute('hidden', '');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void boot());
else void boot();
