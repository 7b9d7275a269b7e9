// Builders for the statements a course sends: verbs, activities and interaction definitions.
import { isoDuration } from '../format';
import { scorm2004Response } from '../interaction-format';
import type { InteractionRecord } from '../tracker';
import type { Agent } from './launch';
import type { Statement } from './lrs-client';
import { uuid } from './uuid';

const ADL = 'http://adlnet.gov/expapi/verbs/';
export type VerbName = 'initialized' | 'experienced' | 'answered' | 'completed' | 'passed' | 'failed' | 'terminated';

export const ACTIVITY_TYPES = {
  course: 'http://adlnet.gov/expapi/activities/course',
  page: 'http://adlnet.gov/expapi/activities/module',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
};

type LanguageMap = Record<string, string>;
export type Context = Record<string, unknown> & { contextActivities?: Record<string, Array<{ id: string }>>; extensions?: Record<string, unknown> };

export interface Activity {
  objectType: 'Activity';
  id: string;
  definition?: Record<string, unknown>;
}

export function activity(id: string, type: string, name: string, language: string): Activity {
  return { objectType: 'Activity', id, definition: { type, name: { [language]: name } } };
}

export function verbId(verb: VerbName): string {
  return `${ADL}${verb}`;
}

export function statement(actor: Agent, verb: VerbName, object: Activity, context: Context, result?: Record<string, unknown>): Statement {
  return {
    id: uuid(),
    actor,
    verb: { id: verbId(verb), display: { 'en-US': verb } },
    object,
    context,
    ...(result ? { result } : {}),
    timestamp: new Date().toISOString(),
  };
}

const describe = (items: Array<{ id: string; text: string }> | undefined, language: string) =>
  items?.map((item) => ({ id: item.id, description: { [language]: item.text } as LanguageMap }));

/** The interaction's definition: type, correct response patterns and its parts' texts. */
export function interactionActivity(id: string, record: InteractionRecord, language: string): Activity {
  const c = record.components ?? {};
  const definition: Record<string, unknown> = {
    type: ACTIVITY_TYPES.interaction,
    name: { [language]: record.description || record.id },
    interactionType: record.type,
  };
  if (record.correctResponses.length) definition.correctResponsesPattern = record.correctResponses.map((pattern) => scorm2004Response(record.type, pattern));
  const parts = { choices: describe(c.choices, language), source: describe(c.source, language), target: describe(c.target, language), steps: describe(c.steps, language), scale: describe(c.scale, language) };
  for (const [key, value] of Object.entries(parts)) if (value?.length) definition[key] = value;
  if (record.policy) definition.extensions = { [EXTENSION_POLICY]: record.policy };
  return { objectType: 'Activity', id, definition };
}

/** An attestation's policy (title, version, document, its SHA-256), in its definition and result. */
export const EXTENSION_POLICY = 'urn:coursepack:xapi:policy';

export function answeredResult(record: InteractionRecord): Record<string, unknown> {
  return {
    response: scorm2004Response(record.type, record.response),
    ...(record.result === 'correct' || record.result === 'incorrect' ? { success: record.result === 'correct' } : {}),
    duration: isoDuration(record.latencyMs),
    ...(record.policy && { extensions: { [EXTENSION_POLICY]: { version: record.policy.version, sha256: record.policy.sha256 } } }),
  };
}
