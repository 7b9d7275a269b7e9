// A walk of a parsed YAML document, for the phases that look for keys in it (includes, Markdown).
import { type Document, isCollection, isPair, isSeq, type Pair, type YAMLSeq } from 'yaml';

/** What a walk calls: each with the node's ancestors, the document first (as yaml's visit() passes them). */
export interface YamlWalker {
  Pair?(pair: Pair, path: readonly unknown[]): void;
  Seq?(seq: YAMLSeq, path: readonly unknown[]): void;
}

/**
 * yaml's visit() in the same order with the same paths, for walkers that only read. visit()
 * copies and freezes the path at every node it enters (path.concat, Object.freeze): two walks a
 * course cost a catalogue build 1.9 ms a course, of ~45. Here one array grows and shrinks as the
 * walk goes down and up; a walker must not keep it.
 */
export function walkYaml(doc: Document, walker: YamlWalker): void {
  walk(doc.contents, [doc], walker);
}

function walk(node: unknown, path: unknown[], walker: YamlWalker): void {
  if (isPair(node)) {
    walker.Pair?.(node, path);
    path.push(node);
    walk(node.key, path, walker);
    walk(node.value, path, walker);
    path.pop();
  } else if (isCollection(node)) {
    if (isSeq(node)) walker.Seq?.(node, path);
    path.push(node);
    for (const item of node.items) walk(item, path, walker);
    path.pop();
  }
}
