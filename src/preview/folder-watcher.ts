// Watches a folder and every folder below it, one watch per folder. Editors save by writing a
// new file and renaming it over the old one; a watch on the file (what Node 20's recursive
// fs.watch sets up on Linux) dies with the old file, so after a save or two nothing was seen any
// more. A folder's watch sees every entry written, renamed or removed in it, for good.
import { type FSWatcher, readdirSync, watch } from 'node:fs';
import { join, resolve } from 'node:path';

/** A package or its temporary file (package/temp-files.ts), by name. */
const PACKAGE_NAME = /\.zip(?:\.\d+\.\d+\.tmp)?$/;

export class FolderWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly output: string | undefined;

  /**
   * `output`: build --watch's output folder. Inside the folder watched (`--out` in the course
   * folder), the packages it writes are no change of the course: seen as one, each write set
   * off a rebuild that wrote them again, for ever.
   */
  constructor(
    private readonly root: string,
    private readonly changed: () => void,
    output?: string,
  ) {
    this.output = output === undefined ? undefined : resolve(output);
    this.cover(root);
  }

  close(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  /** Watches a folder and the folders below it that are not watched yet (new ones included). */
  private cover(folder: string): void {
    if (folder !== this.root && resolve(folder) === this.output) return;
    if (!this.watchers.has(folder)) {
      try {
        const watcher = watch(folder, (_event, name) => {
          if (this.isOutput(folder, name)) return;
          this.cover(folder);
          this.changed();
        });
        watcher.on('error', () => this.forget(folder));
        this.watchers.set(folder, watcher);
      } catch {
        return;
      }
    }
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return this.forget(folder);
    }
    // As discovery: version control, tooling and dependencies hold no course.
    for (const entry of entries) if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') this.cover(join(folder, entry.name));
  }

  /** The output folder itself, or (the output folder being one watched) a package written in it. */
  private isOutput(folder: string, name: string | null): boolean {
    if (this.output === undefined || !name) return false;
    return resolve(folder, name) === this.output || (resolve(folder) === this.output && PACKAGE_NAME.test(name));
  }

  private forget(folder: string): void {
    this.watchers.get(folder)?.close();
    this.watchers.delete(folder);
  }
}
