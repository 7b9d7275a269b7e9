import { isMap, isScalar } from 'yaml';
import { closest } from '../diagnostics/did-you-mean';
import { messages, type SourceSpan } from '../diagnostics';
import { CHARACTER, ID_PATTERN, keysOf, OUTCOMES, rangeOf, SCENARIO_CHOICE, SCENE } from '../format';
import type { Character, Scene, ScenarioChoice, ScenarioPage } from '../model';
import { packagedImage } from './assets';
import type { ValidationContext } from './context';
import { IdScope } from './ids';
import { type Fields } from './reader';
const CHOICE_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function readScenario(fields: Fields, context: ValidationContext): Omit<ScenarioPage, 'id'> | undefined {
  const scenarioId = fields.string('id') ?? '?';
  const title = fields.string('title');
  const character = readCharacter(fields, context, scenarioId);
  const start = fields.id('start');
  const scenes = readScenes(fields);
  const retry = fields.has('retry') ? fields.boolean('retry') : false;
  if (title === undefined || start === undefined || scenes === undefined || retry === undefined || character === false) return undefined;
  if (!checkGraph(fields, scenarioId, start, scenes)) return undefined;
  const best = maxScenarioPoints({ start, scenes });
  if (best <= 0) fields.reader.report.add(messages.scenarioScoresNothing(fields.span, scenarioId, best));
  return { type: 'scenario', title, intro: fields.string('intro'), ...(character && { character }), start, scenes, retry, span: fields.span };
}

/** `character:`, or false when it is there but not valid (the problems are reported). */
function readCharacter(fields: Fields, context: ValidationContext, scenarioId: string): Character | undefined | false {
  if (!fields.has('character')) return undefined;
  const sub = fields.reader.object(fields.raw('character'), `the character of scenario "${scenarioId}"`, keysOf(CHARACTER));
  const name = sub?.string('name');
  if (!sub || name === undefined) return false;
  const role = sub.string('role');
  const image = packagedImage(sub, 'image', context.assets);
  if (image === false) return false;
  // Without alt text of its own, the portrait is named as the caption beside it names the person.
  const alt = sub.has('alt') ? sub.string('alt', { allowEmpty: true }) : role ? `${name}, ${role}` : name;
  if (alt === undefined) return false;
  return { name, ...(role !== undefined && { role }), ...(image && { image }), alt, span: sub.span };
}

function readScenes(fields: Fields): Scene[] | undefined {
  const node = fields.raw('scenes');
  const reader = fields.reader;
  if (!isMap(node) || node.items.length === 0) {
    reader.report.add(messages.wrongType(fields.spanOf('scenes'), '"scenes"', 'a mapping of scene id → scene', node ? 'empty or a list' : 'empty'));
    return undefined;
  }
  const scenes: Scene[] = [];
  let ok = true;
  for (const pair of node.items) {
    const id = isScalar(pair.key) ? String(pair.key.value) : '';
    const keySpan = reader.span(pair.key as never);
    if (!ID_PATTERN.test(id)) {
      reader.report.add(messages.invalidId(keySpan, id));
      ok = false;
      continue;
    }
    const scene = readScene(fields, id, pair.value, keySpan);
    if (scene) scenes.push(scene);
    else ok = false;
  }
  return ok ? scenes : undefined;
}

function readScene(parent: Fields, id: string, node: unknown, keySpan: SourceSpan): Scene | undefined {
  const sub = parent.reader.object(node, `scene "${id}"`, keysOf(SCENE));
  if (!sub) return undefined;
  const text = sub.string('text');
  if (sub.has('choices') && sub.has('outcome')) {
    parent.reader.report.add(messages.endingWithChoices(sub.spanOf('outcome'), id));
    return undefined;
  }
  if (!sub.has('choices') && !sub.has('outcome')) {
    parent.reader.report.add(messages.sceneWithoutEnd(keySpan, id));
    return undefined;
  }
  if (text === undefined) return undefined;
  if (sub.has('outcome')) {
    const outcome = sub.oneOf('outcome', OUTCOMES);
    return outcome && { kind: 'ending', id, text, outcome, span: keySpan };
  }
  const choices = readChoices(sub, id);
  return choices && { kind: 'decision', id, text, choices, span: keySpan };
}

function readChoices(scene: Fields, sceneId: string): ScenarioChoice[] | undefined {
  const items = scene.list('choices', { nonEmpty: true });
  if (!items) return undefined;
  const ids = new IdScope(scene.reader.report);
  const choices: ScenarioChoice[] = [];
  let ok = true;
  items.forEach((item, index) => {
    const sub = scene.reader.object(item, `a choice of scene "${sceneId}"`, keysOf(SCENARIO_CHOICE));
    const id = sub?.has('id') ? sub.id('id') : CHOICE_LETTERS[index];
    const text = sub?.string('text');
    const next = sub?.string('next');
    const points = sub?.has('points') ? sub.number('points', rangeOf(SCENARIO_CHOICE, 'points')) : 0;
    if (!sub || !id || text === undefined || next === undefined || points === undefined || !ids.claim(id, sub.has('id') ? sub.spanOf('id') : sub.span)) {
      ok = false;
      return;
    }
    choices.push({ id, text, next, points, feedback: sub.string('feedback'), span: sub.spanOf('next') });
  });
  return ok ? choices : undefined;
}

/** Every `next` names a scene, every scene is reachable from start, and no path loops. */
function checkGraph(fields: Fields, scenarioId: string, start: string, scenes: Scene[]): boolean {
  const report = fields.reader.report;
  const byId = new Map(scenes.map((scene) => [scene.id, scene]));
  const names = [...byId.keys()];
  let ok = true;
  if (!byId.has(start)) {
    report.add(messages.sceneNotFound(fields.spanOf('start'), start, scenarioId, closest(start, names)));
    return false;
  }
  for (const scene of scenes) {
    if (scene.kind !== 'decision') continue;
    for (const choice of scene.choices) {
      if (!byId.has(choice.next)) {
        report.add(messages.sceneNotFound(choice.span, choice.next, scenarioId, closest(choice.next, names)));
        ok = false;
      }
    }
  }
  if (!ok) return false;
  const loop = findLoop(start, byId);
  if (loop) {
    const last = byId.get(loop[loop.length - 2] ?? start);
    const span = last?.kind === 'decision' ? (last.choices.find((c) => c.next === loop[loop.length - 1])?.span ?? last.span) : fields.span;
    report.add(messages.scenarioLoop(span, loop, scenarioId));
    return false;
  }
  const reached = reachable(start, byId);
  for (const scene of scenes) {
    if (!reached.has(scene.id)) {
      report.add(messages.sceneUnreachable(scene.span, scene.id, scenarioId));
      ok = false;
    }
  }
  return ok;
}

function successors(scene: Scene | undefined): string[] {
  return scene?.kind === 'decision' ? scene.choices.map((choice) => choice.next) : [];
}

function reachable(start: string, byId: Map<string, Scene>): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const next of successors(byId.get(queue.shift() as string))) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** The first cycle found by depth-first search, as a path that ends where it started. */
function findLoop(start: string, byId: Map<string, Scene>): string[] | undefined {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    const at = path.indexOf(id);
    if (at >= 0) return [...path.slice(at), id];
    if (done.has(id)) return undefined;
    path.push(id);
    for (const next of successors(byId.get(id))) {
      const loop = visit(next);
      if (loop) return loop;
    }
    path.pop();
    done.add(id);
    return undefined;
  };
  return visit(start);
}

/** The most points any path from start can earn (the scenes form no loop). */
export function maxScenarioPoints(page: Pick<ScenarioPage, 'start' | 'scenes'>): number {
  return mostPointsFrom(page.start, new Map(page.scenes.map((scene) => [scene.id, scene])), new Map());
}

/**
 * A function of the module, not a recursive arrow made per call (see validate/reader.ts,
 * pairWithKey): that one was optimised anew for each course a worker built.
 */
function mostPointsFrom(id: string, byId: ReadonlyMap<string, ScenarioPage['scenes'][number]>, memo: Map<string, number>): number {
  const cached = memo.get(id);
  if (cached !== undefined) return cached;
  const scene = byId.get(id);
  let value = 0;
  if (scene?.kind === 'decision') {
    value = -Infinity;
    for (const choice of scene.choices) value = Math.max(value, choice.points + mostPointsFrom(choice.next, byId, memo));
  }
  memo.set(id, value);
  return value;
}
