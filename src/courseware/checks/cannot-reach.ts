/** Isolation: a ping or connection must NOT get through (internal networks, separate networks, unpublished ports). */
import type { CheckSpec } from './types';
import { PASS, fail } from './types';
import { listWords, sharedNetworks } from './explain';
import { fromWords, reachTarget, targetWords } from './reach';

export const cannotReach: CheckSpec<'cannot-reach'> = {
  kind: 'cannot-reach',
  describe: (check) => `${fromWords(check)} cannot reach ${targetWords(check)}`,
  evaluate(check, lab) {
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
