// The two readers of the `xliff` package (npm, MIT) the tests use; it ships no types.
declare module 'xliff' {
  interface XliffJs {
    sourceLanguage: string;
    targetLanguage: string;
    /** Units by file id, then by unit id. */
    resources: Record<string, Record<string, { source: unknown; target?: unknown; note?: string }>>;
  }
  export function xliff2js(xml: string): Promise<XliffJs>;
  export function xliff12ToJs(xml: string): Promise<XliffJs>;
}
