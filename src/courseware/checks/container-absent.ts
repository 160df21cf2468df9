/** `docker rm [-f] NAME` has been done (or it never existed). */
import type { CheckSpec } from './types';
import { PASS, fail } from './types';

export const containerAbsent: CheckSpec<'container-absent'> = {
  kind: 'container-absent',
  describe: (check) => `there is no container called ${check.container}`,
  evaluate(check, lab) {
    const c = lab.query.container(check.container);
    if (!c) return PASS;
    return fail(`the container ${c.name} still exists (${c.running ? 'running' : 'stopped'})`);
  },
};
