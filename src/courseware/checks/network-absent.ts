/** `docker network rm NAME` has been done (or it never existed). */
import type { CheckSpec } from './types';
import { PASS, fail } from './types';
import { listWords } from './explain';

export const networkAbsent: CheckSpec<'network-absent'> = {
  kind: 'network-absent',
  describe: (check) => `there is no network called ${check.network}${check.host ? ` on ${check.host}` : ''}`,
  evaluate(check, lab) {
    const net = lab.query.networks(check.host).find((n) => n.name === check.network);
    if (!net) return PASS;
    // `docker network rm` refuses while endpoints exist ("error while removing
    // network: network appnet has active endpoints"), so name them.
    const attached = net.containers.length ? ` (${listWords(net.containers)} ${net.containers.length === 1 ? 'is' : 'are'} still attached)` : '';
    return fail(`the network ${net.name} still exists${attached}`);
  },
};
