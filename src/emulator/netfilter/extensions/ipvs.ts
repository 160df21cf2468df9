/**
 * The ipvs match (extensions/libxt_ipvs.c, net/netfilter/xt_ipvs.c), the one
 * option Docker uses: `--ipvs`, a packet IPVS has taken (its SNAT rule in a
 * swarm load balancer: `-m ipvs --ipvs -d 10.0.1.0/24 -j SNAT …`). The
 * finer options (--vproto, --vaddr, --vport, --vdir, --vmethod, --vportctl)
 * are not modelled: iptables refuses them as unknown options.
 */
import type { IpvsMatch } from '../types';
import type { MatchExt } from './types';

export const ipvsMatch: MatchExt<IpvsMatch> = {
  name: 'ipvs',
  generic: true,
  options: [{ name: 'ipvs', hasArg: false, invertible: true }],
  create: () => ({ kind: 'ipvs' }),
  parse(m, _id, _arg, invert) {
    m.ipvs = { invert };
  },
  save: (m) => (m.ipvs ? `${m.ipvs.invert ? ' !' : ''} --ipvs` : ''),
  print: (m) => (m.ipvs ? `${m.ipvs.invert ? ' !' : ''} ipvs` : ''),
};
