// Time from navigation to an interactive first page, with the course in a frame of an LMS
// page whose SCORM API is scorm-again: what a learner waits for after clicking "Launch".
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import extract from 'extract-zip';
import { chromium } from 'playwright-core';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

function serve(routes) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    for (const [prefix, folder] of routes) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(folder, path.slice(prefix.length)));
      let body;
      try {
        body = readFileSync(file);
      } catch {
        break;
      }
      return void response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    }
    response.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Median milliseconds from the course frame's navigation start to the runtime's ready mark. */
export async function timeToInteractive(root, zip, runs) {
  const dir = mkdtempSync(join(tmpdir(), 'coursepack-launch-'));
  await extract(zip, { dir: join(dir, 'course') });
  const lms = `<!doctype html><title>LMS</title><script src="/scorm-again/scorm2004.min.js"></script>
<script>window.API_1484_11 = new Scorm2004API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });</script>
<iframe id="course" title="Course" src="/course/index.html" style="width:1024px;height:768px"></iframe>`;
  const lmsDir = join(dir, 'lms');
  mkdirSync(lmsDir);
  writeFileSync(join(lmsDir, 'index.html'), lms);
  const server = await serve([['/scorm-again/', join(root, 'node_modules/scorm-again/dist')], ['/course/', join(dir, 'course')], ['/', lmsDir]]);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const times = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
      const frame = page.frames().find((f) => f.url().includes('/course/'));
      await frame.waitForFunction(() => performance.getEntriesByName('coursepack:ready').length > 0);
      times.push(await frame.evaluate(() => performance.getEntriesByName('coursepack:ready')[0].startTime));
      await page.context().close();
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1] };
}
