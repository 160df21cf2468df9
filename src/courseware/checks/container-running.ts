/** A container of that name exists and runs, optionally from a given image. */
import type { CheckSpec } from './types';
import { PASS, fail } from './types';
import { notRunning } from './explain';

/**
 * `nginx`, `nginx:latest`, `docker.io/library/nginx:latest` name the same
 * image: Docker fills in the registry, the `library/` namespace and `:latest`.
 */
export function normalizeImage(ref: string): string {
  let name = ref.trim();
  const digest = name.indexOf('@');
  if (digest >= 0) name = name.slice(0, digest);
  const lastSlash = name.lastIndexOf('/');
  if (!name.slice(lastSlash + 1).includes(':')) name += ':latest';
  name = name.replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '');
  if (!name.includes('/')) name = `library/${name}`;
  return name;
}

export const containerRunning: CheckSpec<'container-running'> = {
  kind: 'container-running',
  describe: (check) => `${check.container} is running${check.host ? ` on ${check.host}` : ''}${check.image ? ` (image ${check.image})` : ''}`,
  evaluate(check, lab) {
    const c = lab.query.container(check.container);
    if (!c) return fail(`there is no container called ${check.container} yet`);
    // Multi-host labs: names are looked up on every host, so say where it runs instead.
    if (check.host && c.host !== check.host) return fail(`${c.name} runs on ${c.host}, not on ${check.host}`);
    if (check.image && normalizeImage(c.image) !== normalizeImage(check.image)) {
      return fail(`${c.name} runs the image ${c.image}, not ${check.image}`);
    }
    if (!c.running) return fail(notRunning(c));
    return PASS;
  },
};
