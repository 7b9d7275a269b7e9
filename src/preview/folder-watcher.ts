// Watches a folder and every folder below it, one watch per folder. Editors save by writing a
// new file and renaming it over the old one; a watch on the file (what Node 20's recursive
// fs.watch sets up on Linux) dies with the old file, so after a save or two nothing was seen any
// more. A folder's watch sees every entry written, renamed or removed in it, for good.
import { type FSWatcher, readdirSync, watch } from 'node:fs';
import { join } from 'node:path';

export class FolderWatcher {
  private readonly watchers = new Map<string, FSWatcher>();

  constructor(
    private readonly root: string,
    private readonly changed: () => void,
  ) {
    this.cover(root);
  }

  close(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  /** Watches a folder and the folders below it that are not watched yet (new ones included). */
  private cover(folder: string): void {
    if (!this.watchers.has(folder)) {
      try {
        const watcher = watch(folder, () => {
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

  private forget(folder: string): void {
    this.watchers.get(folder)?.close();
    this.watchers.delete(folder);
  }
}
