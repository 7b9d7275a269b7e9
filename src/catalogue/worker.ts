// A build worker's side of the pool (see pool.ts): builds the courses it is handed, one at a
// time, and sends each outcome back. Loaded from the tool's bundle: `runCatalogueWorker` is an
// export of dist/index.js. The worker's script hands it node:worker_threads: the bundle itself
// never loads that module at start-up, which a one-course build would pay for (~2 ms) and not use.
import type * as Threads from 'node:worker_threads';
import { numberTempFilesFrom } from '../package/temp-files';
import { CourseIds } from '../compile';
import { runCourse } from './outcome';
import type { FromWorker, ToWorker, WorkerSetup } from './pool';

/** Ids claimed through the main thread, which alone knows every course of the run. */
class SharedCourseIds extends CourseIds {
  index = -1;

  constructor(
    private readonly setup: WorkerSetup,
    private readonly threads: typeof Threads,
  ) {
    super();
  }

  override claimId(id: string, file: string): string | undefined {
    const cell = new Int32Array(this.setup.flag);
    Atomics.store(cell, 0, 0);
    this.threads.parentPort?.postMessage({ type: 'claim', index: this.index, id, file } satisfies FromWorker);
    Atomics.wait(cell, 0, 0);
    const reply = this.threads.receiveMessageOnPort(this.setup.replies)?.message as { other?: string } | undefined;
    return reply?.other;
  }
}

export function runCatalogueWorker(threads: typeof Threads): void {
  const { parentPort, threadId, workerData } = threads;
  const setup = workerData as WorkerSetup;
  numberTempFilesFrom(threadId);
  const ids = new SharedCourseIds(setup, threads);
  parentPort?.on('message', async (task: ToWorker) => {
    ids.index = task.index;
    const outcome = await runCourse(task.course, setup.options, ids);
    parentPort?.postMessage({ type: 'done', index: task.index, outcome } satisfies FromWorker);
  });
}
