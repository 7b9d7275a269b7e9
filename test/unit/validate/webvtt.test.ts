// The WebVTT check a video's captions pass (validate/webvtt.ts): what browsers show is valid,
// what they would silently drop is named at its line.
import { webVttProblem } from '../../../src/validate/webvtt';

const problem = (text: string) => {
  const found = webVttProblem(text, 'captions.vtt');
  return found && `${found.span?.start.line}:${found.span?.start.column} ${found.message}`;
};

test('a file with a header text, notes, cue identifiers, hours and cue settings is valid', () => {
  const text = 'WEBVTT - captions\n\nNOTE written by hand --> checked\n\nintro\n00:00.000 --> 00:02.500 align:start\nHello.\n\n01:00:02.500 --> 01:00:04.000\nStill here.\n';
  expect(problem(text)).toBeUndefined();
  expect(problem(`\uFEFF${text.replace(/\n/g, '\r\n')}`)).toBeUndefined();
});

test('each mistake is named at its line', () => {
  expect(problem('WEBVTTX\n\n00:00.000 --> 00:01.000\nHi\n')).toBe('1:1 The captions file is not valid WebVTT: it does not begin with "WEBVTT".');
  expect(problem('WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n\n0:02.000 --> 00:03.000\nThere\n')).toBe('6:1 The captions file is not valid WebVTT: the cue timing "0:02.000 --> 00:03.000" is not [hh:]mm:ss.ttt --> [hh:]mm:ss.ttt.');
  expect(problem('WEBVTT\n\n00:00.000 --> 00:00.000\nHi\n')).toBe('3:15 The captions file is not valid WebVTT: the cue ends at 00:00.000, not after it starts at 00:00.000.');
  expect(problem('WEBVTT\n\n00:05.000 --> 00:06.000\nHi\n\n00:01.000 --> 00:02.000\nThere\n')).toBe('6:1 The captions file is not valid WebVTT: this cue starts before the one above it.');
  expect(problem('WEBVTT\n\nNOTE nothing yet\n')).toBe('1:1 The captions file is not valid WebVTT: it holds no cues.');
});

test('minutes and seconds stay below 60', () => {
  expect(problem('WEBVTT\n\n00:61.000 --> 01:02.000\nHi\n')).toMatch(/^3:1 .*is not \[hh:\]mm:ss\.ttt/);
});
