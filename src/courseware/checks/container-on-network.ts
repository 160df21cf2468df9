/** The container has an endpoint on the network, optionally with a given IP and alias. */
import type { ContainerSummary } from '../../emulator/api';
import type { CheckSpec } from './types';
import { PASS, fail } from './types';
import { attachmentPhrase, listWords } from './explain';

/** Where the container is instead: "db is only on bridge, not on appnet". */
function notOnNetwork(c: ContainerSummary, network: string): string {
  const stopped = c.running ? '' : ' (and it is not running)';
  if (c.networkMode === 'host' || c.networkMode === 'none' || c.networkMode.startsWith('container:')) {
    return `${c.name} ${attachmentPhrase(c)}, so it cannot be on ${network}${stopped}`;
  }
  if (c.endpoints.length === 0) return `${c.name} is not on ${network} (it is on no network${c.running ? '' : ' and is not running'})`;
  return `${c.name} ${attachmentPhrase(c)}, not on ${network}${stopped}`;
}

export const containerOnNetwork: CheckSpec<'container-on-network'> = {
  kind: 'container-on-network',
  describe(check) {
    const details = [check.ip && `IP ${check.ip}`, check.alias && `alias ${check.alias}`].filter(Boolean);
    return `${check.container} is on ${check.network}${details.length ? ` with ${details.join(' and ')}` : ''}`;
  },
  evaluate(check, lab) {
    const c = lab.query.container(check.container);
    if (!c) return fail(`there is no container called ${check.container} yet`);
    const ep = c.endpoints.find((e) => e.network === check.network);
    if (!ep) {
      const exists = lab.query.networks(c.host).some((n) => n.name === check.network);
      if (!exists) return fail(`there is no network called ${check.network} yet`);
      return fail(notOnNetwork(c, check.network));
    }
    const ip = ep.ip.split('/')[0];
    if (check.ip && ip !== check.ip) {
      return fail(`${c.name} is on ${check.network} with IP ${ip || '(none yet)'}, not ${check.ip}`);
    }
    if (check.alias && !ep.aliases.includes(check.alias)) {
      const has = ep.aliases.length ? `its aliases there are ${listWords(ep.aliases)}` : 'it has no aliases there';
      return fail(`${c.name} is on ${check.network} but not with the alias ${check.alias} (${has})`);
    }
    return PASS;
  },
};
