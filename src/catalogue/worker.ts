// A build worker's side of the pool (see pool.ts): builds the courses it is handed, one at a
// time, and sends each outcome back. Loaded from the tool's bundle: `runCatalogueWorker` is an
// export of dist/index.js.
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { CourseIds } from '../compile';
import { runCourse } from './outcome';
import type { FromWorker, ToWorker, WorkerSetup } from './pool';

/** Ids claimed through the main thread, which alone knows every course of the run. */
class SharedCourseIds extends CourseIds {
  index = -1;

  constructor(private readonly setup: WorkerSetup) {
    super();
  }

  override claimId(id: string, file: string): string | undefined {
    const cell = new Int32Array(this.setup.flag);
    Atomics.store(cell, 0, 0);
    parentPort?.postMessage({ type: 'claim', index: this.index, id, file } satisfies FromWorker);
    Atomics.wait(cell, 0, 0);
    const reply = receiveMessageOnPort(this.setup.replies)?.message as { other?: string } | undefined;
    return reply?.other;
  }
}

export function runCatalogueWorker(): void {
  const setup = workerData as WorkerSetup;
  const ids = new SharedCourseIds(setup);
  parentPort?.on('message', async (task: ToWorker) => {
    ids.index = task.index;
    const outcome = await runCourse(task.course, setup.options, ids);
    parentPort?.postMessage({ type: 'done', index: task.index, outcome } satisfies FromWorker);
  });
}
