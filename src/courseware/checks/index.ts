/**
 * The check kinds, one file each, and the two things the grader and the UI
 * need from them: `evaluateCheck` (never throws) and `describeCheck` (the
 * checklist label).
 */
import type { Check, CheckKind } from '../types';
import type { CheckResult, CheckSpec, LabView } from './types';
import { canReach } from './can-reach';
import { cannotReach } from './cannot-reach';
import { containerAbsent } from './container-absent';
import { containerNotOnNetwork } from './container-not-on-network';
import { containerOnNetwork } from './container-on-network';
import { containerRunning } from './container-running';
import { envHas } from './env-has';
import { fileContains } from './file-contains';
import { nameResolves } from './name-resolves';
import { networkAbsent } from './network-absent';
import { networkExists } from './network-exists';
import { networkMode } from './network-mode';
import { portPublished } from './port-published';
import { serviceRunning } from './service-running';
import { swarmNode } from './swarm-node';

export type { CheckResult, CheckSpec, LabView } from './types';

/** Every kind in `types.ts` must have a spec here: the mapped type makes a missing one a compile error. */
export const checkSpecs: { [K in CheckKind]: CheckSpec<K> } = {
  'network-exists': networkExists,
  'network-absent': networkAbsent,
  'container-running': containerRunning,
  'container-absent': containerAbsent,
  'container-on-network': containerOnNetwork,
  'container-not-on-network': containerNotOnNetwork,
  'network-mode': networkMode,
  'can-reach': canReach,
  'cannot-reach': cannotReach,
  'name-resolves': nameResolves,
  'port-published': portPublished,
  'file-contains': fileContains,
  'env-has': envHas,
  'swarm-node': swarmNode,
  'service-running': serviceRunning,
};

/** A spec that accepts any check: safe because each spec is only ever given a check of its own kind. */
type AnySpec = { describe(check: Check): string; evaluate(check: Check, lab: LabView): CheckResult };

function specOf(check: Check): AnySpec | undefined {
  const specs = checkSpecs as unknown as Record<string, AnySpec | undefined>;
  return Object.prototype.hasOwnProperty.call(specs, check.kind) ? specs[check.kind] : undefined;
}

/** The checklist label: the author's `label`, else one generated from the check. */
export function describeCheck(check: Check): string {
  if (check.label) return check.label;
  const spec = specOf(check);
  return spec ? spec.describe(check) : `unknown check kind ${JSON.stringify((check as { kind: unknown }).kind)}`;
}

/**
 * Evaluates one check against the lab. Never throws: a lab that cannot answer
 * (a query not implemented yet, a bug) fails the check with that message.
 */
export function evaluateCheck(check: Check, lab: LabView): CheckResult {
  const spec = specOf(check);
  if (!spec) return { pass: false, reason: `this exercise uses an unknown check kind ${JSON.stringify((check as { kind: unknown }).kind)}` };
  try {
    return spec.evaluate(check, lab);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { pass: false, reason: `the check could not look at the lab: ${message}` };
  }
}
