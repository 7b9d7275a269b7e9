// The tool's bundle as `npm install` builds it (scripts/build-tool.mjs; `npm test` builds it first).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

test('the bundle is ASCII only: V8 keeps its source at one byte a character, in the CLI and in each build worker', () => {
  const text = readFileSync(join(__dirname, '../../dist/index.js'), 'latin1');
  const wide = [...text.matchAll(/[^\x00-\x7f]/g)].map((match) => text.slice(Math.max(0, match.index - 30), match.index + 10));
  expect(wide).toEqual([]);
});
