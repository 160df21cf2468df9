/** The container has no endpoint on the network (`docker network disconnect`), or does not exist. */
import type { CheckSpec } from './types';
import { PASS, fail } from './types';

export const containerNotOnNetwork: CheckSpec<'container-not-on-network'> = {
  kind: 'container-not-on-network',
  describe: (check) => `${check.container} is not on ${check.network}`,
  evaluate(check, lab) {
    const c = lab.query.container(check.container);
    const ep = c?.endpoints.find((e) => e.network === check.network);
    if (!c || !ep) return PASS;
    const ip = ep.ip.split('/')[0];
    return fail(`${c.name} is still on ${check.network}${ip ? ` (IP ${ip})` : ''}`);
  },
};
