// Entry point of the browser runtime that ships in every package.
import type { CourseData } from './course-data';
import { Player } from './player/player';
import { createTrackerFor } from './tracking';

function boot(): void {
  const data = JSON.parse(document.getElementById('cp-data')?.textContent ?? '{}') as CourseData;
  const player = new Player(data, createTrackerFor(data.standard, window, data.id), document);
  player.start();
  // Lets `npm run bench` (and anyone profiling in an LMS) see when the first page is usable.
  performance.mark?.('coursepack:ready');
  // Browsers block synchronous requests during unload, so commit as soon as the page is hidden.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') player.flush();
  });
  window.addEventListener('pagehide', () => player.leave());
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
