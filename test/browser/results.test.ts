// The results page: answer review with the right answers, the certificate with the learner's
// name from the LMS (printed to PDF by chromium), and a review-mode relaunch that records nothing.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { eventually, Harness, type Cmi } from './harness';
import { Learner } from './learner';

const COURSE = join(__dirname, '../fixtures/valid/question-types');
const OUT = join(__dirname, '../../build/test-output');
const harness = new Harness();
let urls: Record<'scorm2004', string>;
let stored: Cmi;

beforeAll(async () => {
  await harness.start();
  urls = await harness.buildAndServe(COURSE, ['scorm2004']);
});
afterAll(() => harness.stop());

it('reviews each answer, shows the right one where it was missed, and prints a certificate with the LMS name', async () => {
  const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.scorm2004, method: 'popup', cmi: { learner_name: 'Doe, Jane', learner_id: 'jdoe' } });
  const course = run.course as Page;
  const learner = new Learner(course);
  await learner.next();
  // Five of seven right: 71 %, passed against 50 %, with two answers to learn from.
  await learner.pick('Who answers press questions?', 'Anyone who is asked');
  await learner.pick('Which of these are confidential?', 'Launch dates', 'Sales figures');
  await learner.pick('You may post as yourself.', 'True');
  await learner.type('Complaints go to customer', 'nobody');
  await learner.match('Match each message to its team.', 'A complaint', 'Support');
  await learner.match('Match each message to its team.', 'A press question', 'Communications');
  await learner.match('Match each message to its team.', 'A job application', 'Human Resources');
  await learner.order('Put the steps for a launch post in order.', ['Ask communications', 'Wait for the announcement', 'Share the official post']);
  await learner.type('How many working days does support have to answer?', '2');
  await learner.pick('The policy is clear to me.', 'Agree');
  await learner.submitQuiz();
  await learner.next();
  await learner.seesPage('Your results');

  const review = course.getByRole('region', { name: 'Your answers' });
  const items = await review.getByRole('listitem').allInnerTexts();
  expect(items).toHaveLength(8);
  expect(items[0]).toMatch(/Who answers press questions\?\s+Your answer: Anyone who is asked\s+Incorrect\.\s+Correct answer: Communications/);
  expect(items[1]).toMatch(/Your answer: Launch dates; Sales figures\s+Correct\./);
  expect(items[1]).not.toMatch(/Correct answer/);
  expect(items[3]).toMatch(/Your answer: nobody\s+Incorrect\.\s+Correct answer: support/);
  expect(items[4]).toMatch(/Your answer: A complaint → Support; A press question → Communications; A job application → Human Resources\s+Correct\./);
  expect(items[7]).toMatch(/Your answer: Agree$/);

  const certificate = course.getByRole('region', { name: 'Certificate of completion' });
  await expect(certificate.innerText()).resolves.toMatch(/This certifies that\s+Jane Doe\s+has completed the course\s+Every question type\s+on \w+ \d+, \d{4}/);
  await course.getByRole('button', { name: 'Print certificate' }).waitFor();

  await course.emulateMedia({ media: 'print' });
  await expect(certificate.isVisible()).resolves.toBe(true);
  await expect(course.getByRole('button', { name: 'Finish course' }).isVisible()).resolves.toBe(false);
  mkdirSync(OUT, { recursive: true });
  await course.pdf({ path: join(OUT, 'certificate.pdf'), format: 'A4' });
  const pdf = readFileSync(join(OUT, 'certificate.pdf'));
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  await course.emulateMedia({ media: 'screen' });

  await learner.finish();
  stored = await eventually(run.stored, (cmi) => cmi.success_status === 'passed');
  expect(stored).toMatchObject({ success_status: 'passed', completion_status: 'completed', score: { raw: '5', max: '7' } });
});

it('a review-mode launch shows the saved answers and sends nothing to the LMS', async () => {
  const cmi = { mode: 'review', learner_name: 'Doe, Jane', location: 'quiz', suspend_data: stored.suspend_data, completion_status: 'completed', success_status: 'passed' };
  const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.scorm2004, cmi });
  const learner = new Learner(run.course);
  await learner.seesPage('Every question type');
  await run.course.getByText('Review mode: you can look through the course; nothing is recorded.').waitFor();
  await run.course.getByText('You answered 5 of 7 questions correctly.').waitFor();
  await learner.next();
  await learner.seesPage('Your results');
  await run.closeCourse();
  const calls = await run.calls();
  expect(calls.filter((c) => c.method === 'SetValue' && c.args[0] !== 'cmi.exit' && c.args[0] !== 'cmi.session_time')).toEqual([]);
  expect((await run.stored()).success_status).toBe('passed');
});
