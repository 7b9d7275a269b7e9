// Builds on every core: a pool of worker threads, each loading the tool's bundle once and
// building one course at a time. Courses are handed out in the order they were named. Two
// courses with one id must be told apart the same way whatever the number of workers: a
// worker's claim of an id is answered only once every course before it has claimed its own (or
// finished without one), in that order; the worker waits for the answer synchronously, as the
// one-process build's check does (Atomics.wait, then the reply read off its port).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type * as Threads from 'node:worker_threads';
import { CourseIds } from '../compile';
import { removeOwnTempFiles } from '../package/temp-files';
import { toolRoot } from '../tool-root';
import type { CourseOutcome, CourseRunOptions } from './outcome';

/**
 * A worker's young generation, smaller than V8's default (up to 48 MiB): a course's garbage is
 * short-lived and small, and each worker's unused nursery is resident memory. Measured on the
 * bench's catalogue with two workers: peak RSS 251 → 221 MiB at 16; at 8, 17 MiB less again (100
 * courses: 188 → 171) for the same CPU (0.998× in paired runs); at 4, 10 % more CPU for 4 MiB less.
 */
const YOUNG_GENERATION_MB = 8;

export interface WorkerSetup {
  options: CourseRunOptions;
  flag: SharedArrayBuffer;
  replies: Threads.MessagePort;
}

export type FromWorker = { type: 'claim'; index: number; id: string; file: string } | { type: 'done'; index: number; outcome: CourseOutcome };
export type ToWorker = { index: number; course: string };

/** The bundle a worker loads; undefined when running from source (tests), where no pool is used. */
export function workerBundle(): string | undefined {
  const bundle = join(toolRoot(), 'dist', 'index.js');
  return existsSync(bundle) && __filename === bundle ? bundle : undefined;
}

/**
 * A worker's script: the bundle compiled through the CLI's V8 code cache when there is one
 * (bin/coursepack.js names it), as the CLI itself is: compiling 1.7 MB costs each worker more
 * than a course does.
 */
function workerSource(bundle: string): string {
  return `const { readFileSync } = require('node:fs'); const vm = require('node:vm'); const Module = require('node:module');
const file = ${JSON.stringify(bundle)};
// In a function: the cache's bytes are let go once compiled.
const script = (() => {
  let cachedData; try { cachedData = process.env.COURSEPACK_CODE_CACHE ? readFileSync(process.env.COURSEPACK_CODE_CACHE) : undefined; } catch {}
  const compiled = new vm.Script(Module.wrap(readFileSync(file, 'latin1')), { filename: file, cachedData });
  if (process.env.COURSEPACK_DEBUG) process.stderr.write('coursepack: code cache ' + (cachedData && !compiled.cachedDataRejected ? 'taken' : 'refused or absent') + ' (worker)\\n');
  return compiled;
})();
const tool = { exports: {} };
script.runInThisContext().call(tool.exports, tool.exports, require, tool, file, require('node:path').dirname(file));
tool.exports.runCatalogueWorker(require('node:worker_threads'));`;
}

interface Sink {
  start(course: string): void;
  add(index: number, outcome: CourseOutcome): void;
}

/** Orders the claims of ids: the `index`th course's is answered when all before it are settled. */
class ClaimOrder {
  private readonly settled: boolean[];
  private readonly waiting = new Map<number, () => void>();
  private low = 0;

  constructor(total: number) {
    this.settled = new Array<boolean>(total).fill(false);
  }

  claim(index: number, answer: () => void): void {
    if (this.settled[index]) return answer();
    this.waiting.set(index, answer);
    this.advance();
  }

  settle(index: number): void {
    this.settled[index] = true;
    this.advance();
  }

  private advance(): void {
    for (;;) {
      while (this.low < this.settled.length && this.settled[this.low]) this.low++;
      const answer = this.waiting.get(this.low);
      if (!answer) return;
      this.waiting.delete(this.low);
      this.settled[this.low] = true;
      answer();
    }
  }
}

export async function runPool(bundle: string, courses: readonly string[], options: CourseRunOptions, jobs: number, sink: Sink): Promise<void> {
  const ids = new CourseIds();
  const order = new ClaimOrder(courses.length);
  let next = 0;
  let finished = 0;
  const workers: Threads.Worker[] = [];
  const interrupted = { now: false };
  const stop = onInterrupt(workers, options.outDir, interrupted);
  // Loaded here: a build of one course, or of a catalogue in one thread, starts no worker. By
  // require, not import(): the bundle runs in a vm.Script, which has no dynamic import.
  const { MessageChannel, Worker } = require('node:worker_threads') as typeof Threads;
  try {
    await new Promise<void>((resolve, reject) => {
      const startWorker = (): void => {
        const flag = new SharedArrayBuffer(4);
        const { port1, port2 } = new MessageChannel();
        const setup: WorkerSetup = { options, flag, replies: port2 };
        const worker = new Worker(workerSource(bundle), { eval: true, workerData: setup, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
        workers.push(worker);
        const give = (): void => {
          if (next >= courses.length) return;
          const index = next++;
          sink.start(courses[index] as string);
          worker.postMessage({ index, course: courses[index] as string } satisfies ToWorker);
        };
        worker.on('message', (message: FromWorker) => {
          if (message.type === 'claim') {
            order.claim(message.index, () => {
              port1.postMessage({ other: ids.claimId(message.id, message.file) });
              const cell = new Int32Array(flag);
              Atomics.store(cell, 0, 1);
              Atomics.notify(cell, 0);
            });
            return;
          }
          order.settle(message.index);
          // What the sink throws (a library caller's onCourse) fails the run, as it does in one
          // thread: thrown from this handler it was an uncaught exception of the caller's process.
          try {
            sink.add(message.index, message.outcome);
            if (++finished === courses.length) resolve();
            else give();
          } catch (error) {
            reject(error);
          }
        });
        worker.on('error', reject);
        // Stopped by an interrupt: the process is about to die of the signal, nothing to report.
        worker.on('exit', (code) => finished < courses.length && !interrupted.now && reject(new Error(`a build worker stopped (exit code ${code})`)));
        give();
      };
      for (let i = 0; i < Math.min(jobs, courses.length); i++) startWorker();
    });
  } finally {
    stop();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Ctrl-C (or CI cancelling the job) during a pooled build: the workers are stopped, their
 * temporary zips removed, and the process dies of the signal as a one-process build does
 * (package/temp-files.ts). Returns the function that removes the handlers.
 */
function onInterrupt(workers: readonly Threads.Worker[], outDir: string, interrupted: { now: boolean }): () => void {
  const handler = (signal: NodeJS.Signals): void => {
    interrupted.now = true;
    remove();
    void Promise.all(workers.map((worker) => worker.terminate())).then(() => {
      removeOwnTempFiles(outDir);
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  };
  const remove = (): void => {
    for (const signal of SIGNALS) process.off(signal, handler);
  };
  for (const signal of SIGNALS) process.on(signal, handler);
  return remove;
}
