// A video's captions, checked as the browser will read them: a file that is not WebVTT (a
// SubRip .srt renamed, a cue timing mistyped) shows no captions at all, or drops the cue, with no
// word to anyone. The rules are those of a conforming file, W3C WebVTT §4.1 (file structure) and
// §4.2 (cue timings): the "WEBVTT" signature first, blocks apart by blank lines, timings
// [hh:]mm:ss.ttt --> [hh:]mm:ss.ttt with the end after the start, cues in order of start time.
import type { Diagnostic, SourceSpan } from '../diagnostics';
import { messages } from '../diagnostics';

const TIME = String.raw`(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})`;
const TIMING = new RegExp(String.raw`^${TIME}[ \t]+-->[ \t]+${TIME}(?:[ \t].*)?$`);

/** The first problem of a WebVTT file (positioned in it, `file` as shown), or undefined when it is valid. */
export function webVttProblem(text: string, file: string): Diagnostic | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const at = (line: number, column = 1): SourceSpan => {
    const offset = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column - 1;
    const position = { line, column, offset };
    return { file, start: position, end: position };
  };
  if (!/^WEBVTT(?:[ \t]|$)/.test(lines[0] ?? '')) {
    return messages.captionsInvalid(at(1), 'it does not begin with "WEBVTT"', /-->/.test(text) && /\d,\d{3}/.test(text) ? 'This looks like SubRip (.srt): write "WEBVTT" and a blank line first, and a full stop before the milliseconds (00:00:01.000).' : 'Write "WEBVTT" on the first line, then a blank line, then the cues.');
  }
  let cues = 0;
  let lastStart = -1;
  let blockStart = true;
  let comment = false;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      blockStart = true;
      continue;
    }
    const begins = blockStart;
    blockStart = false;
    // NOTE, STYLE and REGION blocks hold no cue (§4.1).
    if (begins) comment = /^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(line);
    if (comment || !line.includes('-->')) continue;
    // A timing line is the first line of a cue, or the second after its identifier.
    const previous = lines[i - 1] ?? '';
    if (!begins && !(previous.trim() !== '' && (lines[i - 2] ?? '').trim() === '' && !previous.includes('-->'))) continue;
    const match = TIMING.exec(line);
    if (!match) {
      const srt = /\d,\d{3}/.test(line);
      return messages.captionsInvalid(at(i + 1), `the cue timing "${line.trim()}" is not [hh:]mm:ss.ttt --> [hh:]mm:ss.ttt`, srt ? 'Write a full stop before the milliseconds, not a comma (00:00:01.000, not 00:00:01,000).' : 'Write it as 00:01.000 --> 00:04.500 (minutes, seconds and three digits of milliseconds).');
    }
    const start = seconds(match.slice(1, 5));
    const end = seconds(match.slice(5, 9));
    const [from = '', to = ''] = line.split('-->').map((time) => time.trim().split(/[ \t]/)[0]);
    if (end <= start) return messages.captionsInvalid(at(i + 1, line.indexOf(to, line.indexOf('-->')) + 1), `the cue ends at ${to}, not after it starts at ${from}`, 'Make the second time later than the first.');
    if (start < lastStart) return messages.captionsInvalid(at(i + 1), 'this cue starts before the one above it', 'Put the cues in the order they are spoken.');
    lastStart = start;
    cues++;
  }
  if (cues === 0) return messages.captionsInvalid(at(1), 'it holds no cues', 'Add a cue after a blank line: its timing (00:00.000 --> 00:03.000), then the words on the next line.');
  return undefined;
}

function seconds([hours, minutes, secs, millis]: Array<string | undefined>): number {
  return Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(secs) + Number(millis) / 1000;
}
