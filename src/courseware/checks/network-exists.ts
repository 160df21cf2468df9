/** `docker network create [--driver D] [--subnet S] [--internal] NAME` has been done. */
import type { CheckSpec } from './types';
import { PASS, fail } from './types';

export const networkExists: CheckSpec<'network-exists'> = {
  kind: 'network-exists',
  describe(check) {
    const details = [
      check.driver && `driver ${check.driver}`,
      check.subnet && `subnet ${check.subnet}`,
      check.internal === true && 'internal',
      check.internal === false && 'not internal',
      check.option && `option ${check.option}`,
    ].filter(Boolean);
    const where = check.host ? ` on ${check.host}` : '';
    return `a network called ${check.network} exists${where}${details.length ? ` (${details.join(', ')})` : ''}`;
  },
  evaluate(check, lab) {
    const net = lab.query.networks(check.host).find((n) => n.name === check.network);
    const where = check.host ? ` on ${check.host}` : '';
    if (!net) return fail(`there is no network called ${check.network}${where} yet`);
    if (check.driver && net.driver !== check.driver) {
      return fail(`${net.name} uses the ${net.driver} driver, not ${check.driver}`);
    }
    if (check.subnet && !net.subnets.includes(check.subnet)) {
      const has = net.subnets.length ? `subnet ${net.subnets.join(', ')}` : 'no subnet';
      return fail(`${net.name} has ${has}, not ${check.subnet}`);
    }
    if (check.internal === true && !net.internal) return fail(`${net.name} is not internal (it was created without --internal)`);
    if (check.internal === false && net.internal) return fail(`${net.name} is internal, so it has no route outside`);
    if (check.option && !(check.option in (net.options ?? {}))) {
      return fail(`${net.name} was created without the option ${check.option} (--opt ${check.option})`);
    }
    return PASS;
  },
};
