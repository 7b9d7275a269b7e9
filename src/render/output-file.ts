/** A file of the package, by its path inside the zip (forward slashes, no leading slash). */
export interface OutputFile {
  path: string;
  contents: Buffer;
}
