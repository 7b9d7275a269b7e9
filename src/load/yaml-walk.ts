// A walk of a parsed YAML document, for the phases that look for keys in it (includes, Markdown).
import { type Document, isCollection, isPair, isSeq, type Pair, type YAMLSeq } from 'yaml';

/**
 * What a walk calls: each with the node's ancestors, the document first (as yaml's visit() passes
 * them), and the walk's `context`, where a walker gathers what it finds. A walker is best a
 * module-level object: V8 holds a function's optimised code weakly, so a hot closure made anew
 * for each file is optimised anew for each (the catalogue build's TurboFan log showed the one
 * made per Markdown walk optimised 18 times in each worker).
 */
export interface YamlWalker<C> {
  Pair?(pair: Pair, path: readonly unknown[], context: C): void;
  Seq?(seq: YAMLSeq, path: readonly unknown[], context: C): void;
}

/**
 * yaml's visit() in the same order with the same paths, for walkers that only read. visit()
 * copies and freezes the path at every node it enters (path.concat, Object.freeze): two walks a
 * course cost a catalogue build 1.9 ms a course, of ~45. Here one array grows and shrinks as the
 * walk goes down and up; a walker must not keep it.
 */
export function walkYaml<C>(doc: Document, walker: YamlWalker<C>, context: C): void {
  walk(doc.contents, [doc], walker, context);
}

function walk<C>(node: unknown, path: unknown[], walker: YamlWalker<C>, context: C): void {
  if (isPair(node)) {
    walker.Pair?.(node, path, context);
    path.push(node);
    walk(node.key, path, walker, context);
    walk(node.value, path, walker, context);
    path.pop();
  } else if (isCollection(node)) {
    if (isSeq(node)) walker.Seq?.(node, path, context);
    path.push(node);
    for (const item of node.items) walk(item, path, walker, context);
    path.pop();
  }
}
