// A video or audio on a page the learner has not reached is not fetched when the course opens
// (an LMS launch on a slow network loads only what the first page needs); once its page is
// shown, the player loads its metadata (duration, first frame), as a video in view does.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { eventually, Harness } from './harness';
import { Learner } from './learner';
import { CONTENT, SAMPLE_COURSE } from './sample-course';

const harness = new Harness();
let urls: Record<'scorm2004', string>;

beforeAll(async () => {
  await harness.start();
  urls = await harness.buildAndServe(SAMPLE_COURSE, ['scorm2004']);
});
afterAll(() => harness.stop());

it('a video waits for its page: no request for it at launch, its metadata once the page is shown', async () => {
  const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.scorm2004, cmi: { learner_name: 'Doe, Jane', learner_id: 'jdoe' } });
  const fetched: string[] = [];
  run.page.on('request', (request) => fetched.push(request.url()));
  const learner = new Learner(run.course);
  await learner.begin();
  await learner.seesPage(CONTENT[0]!);
  const video = run.course.locator('video');
  await expect(video.getAttribute('preload')).resolves.toBe('none');
  // The page has loaded (its images are in): nothing of the video was asked for.
  await eventually(() => video.evaluate((element) => element.ownerDocument.readyState), (state) => state === 'complete');
  await expect(video.evaluate((element: HTMLVideoElement) => element.readyState)).resolves.toBe(0);
  expect(fetched.filter((url) => url.endsWith('.webm'))).toEqual([]);

  await learner.next();
  await learner.seesPage(CONTENT[1]!);
  await expect(video.getAttribute('preload')).resolves.toBe('metadata');
  await eventually(() => video.evaluate((element: HTMLVideoElement) => element.readyState), (state) => state >= 1);
  expect(fetched.filter((url) => url.endsWith('/assets/name-the-risk.webm')).length).toBeGreaterThan(0);
  await run.context.close();
});
