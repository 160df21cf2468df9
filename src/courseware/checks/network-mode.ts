/** The container's network mode (`--network host|none|bridge|container:<name>|<network>`). */
import type { ContainerSummary } from '../../emulator/api';
import type { CheckSpec, LabView } from './types';
import { PASS, fail } from './types';

/** `docker run` without `--network` records `bridge` on Linux; older engines said `default`. */
function canonicalMode(mode: string): string {
  return mode === 'default' ? 'bridge' : mode;
}

/** `container:web` and `container:<web's id or a prefix of it>` name the same mode. */
function sameMode(lab: LabView, actual: string, wanted: string): boolean {
  const a = canonicalMode(actual);
  const w = canonicalMode(wanted);
  if (a === w) return true;
  if (!a.startsWith('container:') || !w.startsWith('container:')) return false;
  const ref = (mode: string): ContainerSummary | undefined => {
    const key = mode.slice('container:'.length);
    return lab.query.container(key) ?? lab.query.containers().find((c) => key.length >= 12 && c.id.startsWith(key));
  };
  const x = ref(a);
  return x !== undefined && x.id === ref(w)?.id;
}

export const networkMode: CheckSpec<'network-mode'> = {
  kind: 'network-mode',
  describe: (check) => `${check.container} uses network mode ${check.mode}`,
  evaluate(check, lab) {
    const c = lab.query.container(check.container);
    if (!c) return fail(`there is no container called ${check.container} yet`);
    if (sameMode(lab, c.networkMode, check.mode)) return PASS;
    return fail(`${c.name} uses network mode ${canonicalMode(c.networkMode)}, not ${check.mode}`);
  },
};
