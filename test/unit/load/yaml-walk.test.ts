// walkYaml against yaml's own visit(): the same nodes, in the same order, with the same paths.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, visit } from 'yaml';
import { walkYaml } from '../../../src/load/yaml-walk';

function yamlFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return name.endsWith('.yaml') ? [path] : [];
  });
}

const EXTRA = `
? [complex, key]
: value
list:
  - include: a.yaml
  - - nested
    - { flow: map, with: [a, b] }
anchor: &a { x: 1 }
alias: *a
`;

const texts = [...yamlFiles(join(__dirname, '../../../courses')).map((path) => readFileSync(path, 'utf8')), EXTRA];

test.each(texts.map((text, index) => [index, text]))('document %i: the pairs and lists yaml visit() meets, with their paths', (_, text) => {
  const doc = parseDocument(text as string);
  const expected: unknown[] = [];
  visit(doc, {
    Pair: (_key, pair, path) => void expected.push(['pair', pair, [...path]]),
    Seq: (_key, seq, path) => void expected.push(['seq', seq, [...path]]),
  });
  const walked: unknown[] = [];
  walkYaml(
    doc,
    {
      Pair: (pair, path, into) => void into.push(['pair', pair, [...path]]),
      Seq: (seq, path, into) => void into.push(['seq', seq, [...path]]),
    },
    walked,
  );
  expect(walked.length).toBeGreaterThan(0);
  expect(walked.length).toBe(expected.length);
  walked.forEach((entry, i) => {
    const [kind, node, path] = entry as [string, unknown, unknown[]];
    const [kindWanted, nodeWanted, pathWanted] = expected[i] as [string, unknown, unknown[]];
    expect(kind).toBe(kindWanted);
    expect(node).toBe(nodeWanted);
    expect(path).toHaveLength(pathWanted.length);
    path.forEach((ancestor, j) => expect(ancestor).toBe(pathWanted[j]));
  });
});
