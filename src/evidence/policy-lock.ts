// policy-versions.lock: the SHA-256 of each attested policy document, by attestation page and
// policy version, kept next to course.yaml and committed with it like a lockfile. An auditor
// asks which text each learner attested to; a document that changes under a version already
// built breaks that answer, so the build warns at the version (issue 12).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { messages, type Report } from '../diagnostics';
import type { Course, Policy } from '../model';

export const POLICY_LOCK_FILE = 'policy-versions.lock';

/** Page id → policy version → SHA-256 (hex). */
type Lock = Record<string, Record<string, string>>;

const HEADER = `# Written by coursepack build: the SHA-256 of each policy document, by attestation page and
# policy version. Commit it with the course. When a document changes under a version listed
# here, the build warns: raise the version (or, if the text is unchanged, delete its line).
`;

/**
 * Warns about each policy whose document differs from the one recorded for its version, and
 * records the versions not seen before. A mismatch is never overwritten: it warns until the
 * designer raises the version or deletes the line.
 */
export function checkPolicyVersions(course: Course, report: Report): void {
  const policies = attestedPolicies(course);
  if (policies.length === 0) return;
  const file = join(course.root, POLICY_LOCK_FILE);
  const lock = readLock(file);
  let changed = false;
  for (const { page, policy } of policies) {
    const versions = (lock[page] ??= {});
    const recorded = versions[policy.version];
    if (recorded === undefined) {
      versions[policy.version] = policy.sha256;
      changed = true;
    } else if (recorded !== policy.sha256) report.add(warning(policy, recorded));
  }
  if (changed) writeFileSync(file, HEADER + stringify(lock));
}

/**
 * The lock the course's build reads, when it has attested policies: an input of the build, as
 * the course's files are (deleting a version's line there is how a designer accepts a document).
 */
export function policyLockOf(course: Course): string | undefined {
  return attestedPolicies(course).length > 0 ? join(course.root, POLICY_LOCK_FILE) : undefined;
}

function attestedPolicies(course: Course): Array<{ page: string; policy: Policy }> {
  return course.pages.flatMap((page) => (page.type === 'attestation' && page.policy ? [{ page: page.id, policy: page.policy }] : []));
}

function warning(policy: Policy, recorded: string) {
  return messages.policyChanged(policy.versionSpan, policy.document.path, policy.version, recorded, policy.sha256);
}

/** The lock as written; what cannot be read as one is started afresh. */
function readLock(file: string): Lock {
  if (!existsSync(file)) return {};
  let value: unknown;
  try {
    value = parse(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null) return {};
  const lock: Lock = {};
  for (const [page, versions] of Object.entries(value)) {
    if (typeof versions !== 'object' || versions === null) continue;
    lock[page] = Object.fromEntries(Object.entries(versions).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  }
  return lock;
}
