/** A file, seen from a host or a container, contains a piece of text (e.g. `"bip"` in daemon.json). */
import type { CheckSpec } from './types';
import { PASS, fail } from './types';
import { containerProblem, vantagePlace } from './explain';

export const fileContains: CheckSpec<'file-contains'> = {
  kind: 'file-contains',
  describe: (check) => `${check.path} ${vantagePlace(check.where)} contains ${JSON.stringify(check.text)}`,
  evaluate(check, lab) {
    if ('container' in check.where) {
      const c = lab.query.container(check.where.container);
      if (!c) return fail(containerProblem(lab, check.where.container) ?? `there is no container called ${check.where.container}`);
    }
    const content = lab.query.readFile(check.where, check.path);
    if (content === undefined) return fail(`${check.path} does not exist ${vantagePlace(check.where)}`);
    if (content.includes(check.text)) return PASS;
    return fail(`${check.path} ${vantagePlace(check.where)} does not contain ${JSON.stringify(check.text)} yet`);
  },
};
