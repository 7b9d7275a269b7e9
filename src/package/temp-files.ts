// The package phase's temporary zips: removed when the process is interrupted (Ctrl-C, a CI
// job cancelled), and, when it was killed outright, by the next build into the same folder.
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** `.<package>.zip.<pid>.<n>.tmp`: hidden, and named by the process that writes it. */
const TEMP_NAME = /^\..+\.zip\.(\d+)\.\d+\.tmp$/;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const active = new Set<string>();
// Build workers are threads of one process (one pid): each numbers its files from its own range.
let sequence = 0;

/** Called by a build worker with its thread id (the main thread's is 0). */
export function numberTempFilesFrom(threadId: number): void {
  sequence = threadId * 1_000_000;
}

/** A temporary path next to the package, unique in this process. */
export function tempPathFor(outFile: string): string {
  return join(dirname(outFile), `.${basename(outFile)}.${process.pid}.${sequence++}.tmp`);
}

/** Tracks a temporary file until `release`; while any is tracked, a signal removes them first. */
export function track(path: string): void {
  if (active.size === 0) for (const signal of SIGNALS) process.on(signal, onSignal);
  active.add(path);
}

export function release(path: string): void {
  active.delete(path);
  if (active.size === 0) for (const signal of SIGNALS) process.off(signal, onSignal);
}

function onSignal(signal: NodeJS.Signals): void {
  for (const path of active) rmSync(path, { force: true });
  active.clear();
  for (const each of SIGNALS) process.off(each, onSignal);
  // Then die of the signal as if we had not caught it, so the shell or CI sees an interrupted
  // build (exit 130 for SIGINT); a program that embeds coursepack and listens itself decides.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

/**
 * Removes our temporary files left in the folder by processes that no longer run (killed
 * with SIGKILL, a power cut). Another build's files, running now, and files that are not
 * ours are left alone.
 */
export function removeStaleTempFiles(folder: string): void {
  // Once per folder and thread: a leftover is older than this process, and reading the folder at
  // every package made a catalogue's build cost grow with its output folder (500 courses write
  // 2,000 zips into one).
  const key = resolve(folder);
  if (swept.has(key)) return;
  swept.add(key);
  for (const { path, pid } of tempFilesIn(folder)) if (pid !== process.pid && !isRunning(pid)) rmSync(path, { force: true });
}

const swept = new Set<string>();

/**
 * Removes this process's temporary zips from the folder, whichever thread wrote them: the build
 * workers' own signal handlers never run (signals reach the main thread only), so the main
 * thread clears up after them once they are stopped.
 */
export function removeOwnTempFiles(folder: string): void {
  for (const { path, pid } of tempFilesIn(folder)) if (pid === process.pid) rmSync(path, { force: true });
}

/** Our temporary zips in the folder, with the pid that wrote each; none when it cannot be read. */
function tempFilesIn(folder: string): Array<{ path: string; pid: number }> {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const pid = Number(TEMP_NAME.exec(name)?.[1]);
    return pid ? [{ path: join(folder, name), pid }] : [];
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
