/** A name resolves from a vantage (embedded DNS 127.0.0.11, /etc/hosts, upstream), optionally to an expected address. */
import type { CheckSpec, LabView } from './types';
import { PASS, fail } from './types';
import { isIPv4, listWords, vantageName, vantagePlace } from './explain';
import { diagnoseName } from './diagnose';

/** `to` is an address, or a container whose address on any of its networks counts. */
function expectedAddresses(lab: LabView, to: string): string[] {
  if (isIPv4(to)) return [to];
  return (lab.query.container(to)?.endpoints ?? []).map((e) => e.ip.split('/')[0]).filter(Boolean);
}

export const nameResolves: CheckSpec<'name-resolves'> = {
  kind: 'name-resolves',
  describe(check) {
    const target = check.to ? (isIPv4(check.to) ? ` to ${check.to}` : ` to ${check.to}'s address`) : '';
    return `${check.name} resolves ${vantagePlace(check.from)}${target}`;
  },
  evaluate(check, lab) {
    const ip = lab.query.resolve(check.from, check.name);
    if (ip === undefined) {
      const why = diagnoseName(lab, check.from, check.name);
      return fail(`${check.name} does not resolve ${vantagePlace(check.from)}${why ? `: ${why}` : ''}`);
    }
    if (!check.to) return PASS;
    const wanted = expectedAddresses(lab, check.to);
    if (wanted.includes(ip)) return PASS;
    const expected = wanted.length ? listWords(wanted) : `${check.to}'s address (${check.to} has none now)`;
    return fail(`${check.name} resolves to ${ip} from ${vantageName(check.from)}, not ${expected}`);
  },
};
