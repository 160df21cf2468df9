/** The container was started with an environment variable (`-e NAME=value`). */
import type { CheckSpec } from './types';
import { PASS, fail } from './types';

export const envHas: CheckSpec<'env-has'> = {
  kind: 'env-has',
  describe: (check) => check.value === undefined
    ? `${check.container} has the environment variable ${check.name}`
    : `${check.container} has ${check.name}=${check.value}`,
  evaluate(check, lab) {
    const c = lab.query.container(check.container);
    if (!c) return fail(`there is no container called ${check.container} yet`);
    if (!Object.prototype.hasOwnProperty.call(c.env, check.name)) {
      return fail(`${c.name} has no environment variable ${check.name}`);
    }
    const value = c.env[check.name];
    if (check.value !== undefined && value !== check.value) {
      return fail(`${check.name} in ${c.name} is ${JSON.stringify(value)}, not ${JSON.stringify(check.value)}`);
    }
    return PASS;
  },
};
