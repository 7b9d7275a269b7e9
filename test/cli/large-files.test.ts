// A course with a large video (the format allows 200 MB a file): the build must not hold it in
// memory once per package (it held five copies: 991 MiB of peak memory for a 190 MB video), and
// the zip must stay one every LMS unpacks: the video stored, its sizes and checksum in its local
// header (java.util.zip.ZipInputStream refuses a stored entry with a data descriptor).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, cpSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, tempDir } from './run-cli';

const MIB = 1024 * 1024;
const SMALL_MIB = 32;
const LARGE_MIB = 96;

/** An MP4 file (its `ftyp` box, then noise that does not compress): `mib` MiB. */
function writeVideo(path: string, mib: number): string {
  const hash = createHash('sha1');
  const fd = openSync(path, 'w');
  const head = Buffer.from('00000018667479706973666d0000020069736f6d69736f32', 'hex');
  for (let i = 0; i < mib; i++) {
    const chunk = i === 0 ? Buffer.concat([head, randomBytes(MIB - head.length)]) : randomBytes(MIB);
    writeSync(fd, chunk);
    hash.update(chunk);
  }
  closeSync(fd);
  return hash.digest('hex');
}

/** The local header's general-purpose flags and method of `name` in the zip (APPNOTE.TXT 4.3.7, 4.3.12). */
function localHeader(zip: Buffer, name: string): { flags: number; method: number; size: number } {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const entry = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (entry === name) {
      const local = zip.readUInt32LE(at + 42);
      return { flags: zip.readUInt16LE(local + 6), method: zip.readUInt16LE(local + 8), size: zip.readUInt32LE(local + 22) };
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`${name} is not in the zip`);
}

/** Builds the course for two targets; its peak memory in MiB. */
function build(course: string, out: string, cache: string): number {
  const run = spawnSync('/usr/bin/time', ['-f', 'PEAK %M', process.execPath, join(repoRoot, 'bin/coursepack.js'), 'build', course, '--out', out, '--target', 'scorm12,cmi5', '--force'], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', COURSEPACK_CACHE_DIR: cache },
  });
  expect(run.stderr).not.toMatch(/error/);
  expect(run.status).toBe(0);
  return Number(/PEAK (\d+)/.exec(run.stderr)?.[1]) / 1024;
}

test('a course with a large video builds in memory that does not grow with the video, into zips that store it whole', () => {
  const dir = tempDir();
  const course = join(dir, 'course');
  cpSync(join(repoRoot, 'test/fixtures/valid/basic'), course, { recursive: true });
  writeFileSync(join(course, 'assets/clip.vtt'), 'WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n');
  const yaml = readFileSync(join(course, 'course.yaml'), 'utf8');
  const media = '        caption: The dot.\n';
  expect(yaml).toContain(media);
  writeFileSync(join(course, 'course.yaml'), yaml.replace(media, `${media}    blocks:\n      - { type: video, src: assets/clip.mp4, captions: assets/clip.vtt, title: A clip }\n`));
  const [out, cache] = [join(dir, 'out'), join(dir, 'cache')];

  const video = writeVideo(join(course, 'assets/clip.mp4'), SMALL_MIB);
  const small = build(course, out, cache);
  for (const target of ['scorm12', 'cmi5']) {
    const zip = join(out, `basic-${target}.zip`);
    execFileSync('unzip', ['-tq', zip]);
    expect(createHash('sha1').update(execFileSync('unzip', ['-p', zip, 'assets/clip.mp4'], { maxBuffer: 2 * SMALL_MIB * MIB })).digest('hex')).toBe(video);
    // Stored (method 0), its size in the local header, no data descriptor (general purpose bit 3).
    const header = localHeader(readFileSync(zip), 'assets/clip.mp4');
    expect({ method: header.method, size: header.size, descriptor: header.flags & 0x08 }).toEqual({ method: 0, size: SMALL_MIB * MIB, descriptor: 0 });
  }
  rmSync(out, { recursive: true });

  writeVideo(join(course, 'assets/clip.mp4'), LARGE_MIB);
  const large = build(course, out, cache);
  rmSync(dir, { recursive: true });
  // Held once more (by the build or by each package, as it was five times), the larger video
  // would show its 64 MiB more; streamed, the peak is the same give or take the collector's timing.
  expect(large - small).toBeLessThan((LARGE_MIB - SMALL_MIB) / 2);
});
