/**
 * `docker service inspect --pretty` (docker/cli cli/command/service/
 * formatter.go serviceInspectPrettyTemplate), laid out after the example in
 * docker/docs service_inspect.md with CLI 28's capitalised mode. The
 * template's tabs are printed raw (the pretty format bypasses tabwriter, as
 * for `node inspect --pretty`); its spaces are kept as written. NOT FOUND: a
 * CLI 28 capture.
 */
import type { ClusterState } from '../../../docker/swarm/state';
import type { SwarmService, UpdatePolicy } from '../../../docker/swarm/services/types';
import { goDurationString } from './spec-flags';
import { serviceSpecDocument, updateMessage, updateState } from '../../../docker/swarm/services/doc';
import { humanDuration } from '../../../docker/human-duration';

function updateLines(kind: 'Update' | 'Rollback', policy?: UpdatePolicy): string[] {
  // The template aligns the order with "Max failure ratio:" by spaces: `Update order:      `, `Rollback order:    `.
  const order = kind === 'Update' ? ' Update order:      stop-first' : ' Rollback order:    stop-first';
  const delay = policy?.delayMs ? [` Delay:\t\t${goDurationString(policy.delayMs)}`] : [];
  return [`${kind}Config:`, ` Parallelism:\t${policy?.parallelism ?? 1}`, ...delay, ' On failure:\tpause', ' Monitoring Period: 5s', ' Max failure ratio: 0', order];
}

export function prettyService(cluster: ClusterState, s: SwarmService, now: number): string {
  const image = ((serviceSpecDocument(s.spec).TaskTemplate as { ContainerSpec: { Image: string } }).ContainerSpec.Image);
  const out = ['', `ID:\t\t${s.id}`, `Name:\t\t${s.spec.name}`];
  if (s.spec.mode === 'global') out.push('Service Mode:\tGlobal');
  else out.push('Service Mode:\tReplicated', ` Replicas:\t${s.spec.replicas}`);
  if (s.updateStatus) {
    // HumanDuration(time.Since(...)), without "ago".
    const since = (t: number) => humanDuration(now - t);
    const state = updateState(s);
    // UpdateIsCompleted: the Completed line only for a completed update.
    const completed = state === 'completed' ? [` Completed:\t${since(s.updateStatus.completedAt)}`] : [];
    out.push('UpdateStatus:', ` State:\t\t${state}`, ` Started:\t${since(s.updateStatus.startedAt)}`, ...completed, ` Message:\t${updateMessage(s)}`);
  }
  out.push('Placement:');
  if (s.spec.constraints.length) out.push(` Constraints:\t[${s.spec.constraints.join(' ')}]`);
  out.push(...updateLines('Update', s.spec.update), ...updateLines('Rollback'));
  out.push('ContainerSpec:', ` Image:\t\t${image}`);
  if (s.spec.args.length) out.push(` Args:\t\t${s.spec.args.join(' ')} `);
  out.push(' Init:\t\tfalse', 'Resources:');
  // `Networks:{{range}} {{ $network }}{{end}} `: each name after a space, and one more at the end.
  if (s.spec.networks.length) out.push(`Networks:${s.spec.networks.map((id) => ` ${cluster.networks[id]?.name ?? id}`).join('')} `);
  out.push(`Endpoint Mode:\t${s.spec.endpointMode}`);
  if (s.spec.ports.length) {
    out.push('Ports:');
    for (const p of s.spec.ports) out.push(` PublishedPort = ${p.publishedPort}`, `  Protocol = ${p.protocol}`, `  TargetPort = ${p.targetPort}`, `  PublishMode = ${p.publishMode}`);
    out[out.length - 1] += ' '; // `{{- end }} {{ end -}}`: a space after the last port
  }
  return out.join('\n') + '\n';
}
