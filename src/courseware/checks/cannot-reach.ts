/** Isolation: a ping or connection must NOT get through (internal networks, separate networks, unpublished ports). */
import type { CheckOf } from '../types';
import type { CheckSpec, LabView } from './types';
import { PASS, fail } from './types';
import { containerProblem, listWords, notRunning, sharedNetworks } from './explain';
import { fromWords, reachTarget, targetWords } from './reach';

function vacuous(check: CheckOf<'cannot-reach'>, lab: LabView): string | undefined {
  if ('container' in check.from) {
    const problem = containerProblem(lab, check.from.container);
    if (problem) return `${problem}, so its isolation cannot be tested`;
  }
  const target = lab.query.container(check.to);
  if (target && !target.running) return `${notRunning(target)}, so its isolation cannot be tested`;
  return undefined;
}

export const cannotReach: CheckSpec<'cannot-reach'> = {
  kind: 'cannot-reach',
  describe: (check) => `${fromWords(check)} cannot reach ${targetWords(check)}`,
  evaluate(check, lab) {
    // Isolation means something only when both ends are there: deleting or
    // stopping a container must not pass an isolation check.
    const absent = vacuous(check, lab);
    if (absent) return fail(absent);
    const t = reachTarget(check);
    const probe = lab.query.canReach(check.from, t.to, t.port, t.proto);
    if (!probe.ok) return PASS;
    const fromC = 'container' in check.from ? lab.query.container(check.from.container) : undefined;
    const toC = lab.query.container(t.to);
    const shared = fromC && toC ? sharedNetworks(fromC, toC) : [];
    const via = shared.length ? ` (both are on ${listWords(shared)})` : '';
    return fail(`${fromWords(check)} can still reach ${targetWords(check)}${via}`);
  },
};
