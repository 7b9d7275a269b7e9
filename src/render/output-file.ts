/** A file of the package, by its path inside the zip (forward slashes, no leading slash). */
export interface OutputFile {
  path: string;
  contents: Buffer;
  /**
   * The first bytes of `contents`, one Buffer shared by the same file of the course's other
   * targets (index.html's page around the course data): the package phase deflates them once.
   */
  sharedStart?: Buffer;
}
