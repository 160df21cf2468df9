/**
 * A host is a node of the swarm, as a manager's `docker node ls` lists it:
 * Ready (a manager hears from it over TCP 2377) unless `status` asks for Down.
 */
import type { SwarmNodeSummary } from '../../emulator/api';
import type { CheckSpec } from './types';
import { PASS, fail } from './types';

const STATUS = { ready: 'Ready', down: 'Down' } as const;

/** A host that left and joined again is listed twice: the current entry is the one that matches best. */
function best(entries: SwarmNodeSummary[], status: 'ready' | 'down'): SwarmNodeSummary {
  return entries.find((n) => n.status === status) ?? entries[entries.length - 1];
}

export const swarmNode: CheckSpec<'swarm-node'> = {
  kind: 'swarm-node',
  describe(check) {
    const as = check.role ? ` as a ${check.role}` : '';
    return `${check.node} is in the swarm${as} and ${STATUS[check.status ?? 'ready']}`;
  },
  evaluate(check, lab) {
    const all = lab.query.swarmNodes();
    const want = check.status ?? 'ready';
    const entries = all.filter((n) => n.hostname === check.node);
    if (entries.length === 0) {
      return fail(all.length === 0 ? 'there is no swarm yet (docker swarm init on the first manager)' : `${check.node} has not joined the swarm`);
    }
    const node = best(entries, want);
    if (node.status === 'pending') {
      return fail(`${check.node} is still trying to join: its connection to the manager on TCP 2377 gets no answer`);
    }
    if (node.status !== want) {
      return fail(want === 'ready'
        ? `${check.node} is listed but Down: no manager hears from it (has it left, or is TCP 2377 to the manager blocked?)`
        : `${check.node} is still Ready`);
    }
    if (check.role && node.role !== check.role) return fail(`${check.node} is a ${node.role}, not a ${check.role}`);
    return PASS;
  },
};
