/**
 * A swarm service exists and every task it asks for runs (the REPLICAS
 * column of `docker service ls` reads n/n), with the settings the exercise
 * names: mode, replicas, endpoint mode, a network, a published port.
 */
import type { ServiceSummary } from '../../emulator/api';
import type { CheckOf } from '../types';
import type { CheckResult, CheckSpec } from './types';
import { PASS, fail } from './types';

type Check = CheckOf<'service-running'>;

function describePublish(check: Check): string | undefined {
  if (check.published === undefined) return undefined;
  const mode = check.publishMode ? ` in ${check.publishMode} mode` : '';
  return `publishing ${check.published}${mode}`;
}

function settingsProblem(check: Check, s: ServiceSummary): string | undefined {
  if (check.mode && s.mode !== check.mode) return `${s.name} is a ${s.mode} service, not ${check.mode}`;
  if (check.replicas !== undefined && s.replicas !== check.replicas) {
    return s.replicas === undefined ? `${s.name} is a global service (one task per node), not ${check.replicas} replicas` : `${s.name} asks for ${s.replicas} replicas, not ${check.replicas}`;
  }
  if (check.endpointMode && s.endpointMode !== check.endpointMode) return `${s.name} uses endpoint mode ${s.endpointMode}, not ${check.endpointMode}`;
  if (check.network && !s.networks.includes(check.network)) {
    return `${s.name} is not on ${check.network} (${s.networks.length ? `it is on ${s.networks.join(', ')}` : 'it is on no network of yours'})`;
  }
  return undefined;
}

function publishProblem(check: Check, s: ServiceSummary): string | undefined {
  if (check.published === undefined) return undefined;
  const port = s.ports.find((p) => p.published === check.published);
  if (!port) {
    const has = s.ports.map((p) => `${p.published}->${p.target}/${p.protocol}`).join(', ');
    return `${s.name} does not publish port ${check.published} (${has ? `it publishes ${has}` : 'it publishes no port'})`;
  }
  if (check.publishMode && port.mode !== check.publishMode) {
    return `${s.name} publishes ${check.published} in ${port.mode} mode${port.mode === 'ingress' ? ' (the routing mesh)' : ''}, not ${check.publishMode} mode`;
  }
  return undefined;
}

/** REPLICAS reads n/n: every task the service asks for runs (a global service: one on each eligible node). */
function tasksProblem(s: ServiceSummary): string | undefined {
  const wanted = Math.max(s.desired, s.replicas ?? 0);
  if (s.running === 0 && wanted === 0) return `${s.name} has no task to run (docker service ps ${s.name})`;
  if (s.running < wanted) return `only ${s.running} of ${s.name}'s ${wanted} tasks run (docker service ps ${s.name} says why)`;
  return undefined;
}

function placementProblem(check: Check, s: ServiceSummary): string | undefined {
  if (!check.notOnHost) return undefined;
  const there = s.hosts.filter((h) => h === check.notOnHost).length;
  return there ? `${there === 1 ? 'a task' : `${there} tasks`} of ${s.name} run${there === 1 ? 's' : ''} on ${check.notOnHost}` : undefined;
}

export const serviceRunning: CheckSpec<'service-running'> = {
  kind: 'service-running',
  describe(check) {
    const details = [
      check.mode,
      check.replicas !== undefined && `${check.replicas} replica${check.replicas === 1 ? '' : 's'}`,
      check.endpointMode && `endpoint mode ${check.endpointMode}`,
      check.network && `on ${check.network}`,
      describePublish(check),
      check.notOnHost && `no task on ${check.notOnHost}`,
    ].filter(Boolean);
    return `the service ${check.service} runs${details.length ? ` (${details.join(', ')})` : ''}`;
  },
  evaluate(check, lab): CheckResult {
    const services = lab.query.services();
    const s = services.find((x) => x.name === check.service);
    if (!s) return fail(`there is no service called ${check.service} yet`);
    const problem = settingsProblem(check, s) ?? publishProblem(check, s) ?? tasksProblem(s) ?? placementProblem(check, s);
    return problem ? fail(problem) : PASS;
  },
};
