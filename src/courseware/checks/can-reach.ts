/** A ping or a TCP/UDP connection really gets through the model (`lab.query.canReach`). */
import type { CheckSpec } from './types';
import { PASS, fail } from './types';
import { diagnoseReach } from './diagnose';
import { fromWords, reachTarget, targetWords } from './reach';

export const canReach: CheckSpec<'can-reach'> = {
  kind: 'can-reach',
  describe: (check) => `${fromWords(check)} can reach ${targetWords(check)}${check.bytes ? ` with ${check.bytes} bytes` : ''}`,
  evaluate(check, lab) {
    const t = reachTarget(check);
    const probe = lab.query.canReach(check.from, t.to, t.port, t.proto, check.bytes);
    if (probe.ok) return PASS;
    // The probe is the truth; the diagnosis only explains it in the student's terms.
    const why = diagnoseReach(lab, check.from, t);
    const detail = probe.reason ? ` (${probe.reason})` : '';
    return fail(why ? `${why}${detail}` : `${fromWords(check)} cannot reach ${targetWords(check)}${probe.reason ? `: ${probe.reason}` : ''}`);
  },
};
