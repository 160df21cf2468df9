/**
 * The converge display of `service create/update/scale` without --detach
 * (docker/cli cli/command/service/progress/progress.go), in its final state
 * on a terminal, as REFERENCE 1.13 quotes it:
 *
 *   overall progress: 3 out of 3 tasks
 *   1/3: running   [==================================================>]
 *   verify: Service <id> converged
 *
 * (each line ends with a space: jsonmessage prints status, a space, the
 * progress text). Slots of a replicated service are numbered `n/total`; a
 * global service's lines are named by node ID (stringid.TruncateID). The
 * state is padded to the longest task state ("preparing", 9); a task with an
 * error shows the error instead. CLI 26+ names the service in the verify
 * line. The monitor waits 5 seconds to verify the tasks are stable.
 *
 * When tasks cannot converge (no suitable node) the real CLI keeps waiting
 * until Ctrl-C, then says the operation goes on in the background.
 */
import type { CommandContext } from '../../types';
import type { ClusterState } from '../../../docker/swarm/state';
import type { SwarmService, SwarmTask } from '../../../docker/swarm/services/types';
import { tasksOf } from '../../../docker/swarm/services/store';

const BAR = '[==================================================>]';
/** A rollback counts its progress backwards: a task back in its old state is at the start of the bar. */
const ROLLBACK_BAR = `[>${' '.repeat(50)}]`;
const LONGEST_STATE = 9;
const VERIFY_MS = 5000;
/**
 * The real CLI waits for a stuck service until Ctrl-C; the lab stops by
 * itself after a minute (real time in a terminal), with the same message.
 */
const GIVE_UP_MS = 60_000;

/** progress.go truncError: one line, at most 75 bytes (74 and an ellipsis), so that a narrow terminal does not wrap. */
function truncError(err: string): string {
  const line = err.replace(/\n/g, ' ');
  return line.length > 75 ? line.slice(0, 74) + '…' : line;
}

function slotLine(label: string, task: SwarmTask | undefined, rollback: boolean): string {
  if (!task) return `${label}:  `;
  if (task.error) return `${label}: ${truncError(task.error)} `;
  if (task.state === 'running') return `${label}: ${'running'.padEnd(LONGEST_STATE)} ${rollback ? ROLLBACK_BAR : BAR} `;
  return `${label}: ${task.state.padEnd(LONGEST_STATE)} `;
}

function lines(cluster: ClusterState, service: SwarmService, rollback: boolean): { text: string[]; done: boolean } {
  const live = tasksOf(cluster, service.id).filter((t) => t.desired === 'running');
  const running = live.filter((t) => t.state === 'running');
  const global = service.spec.mode === 'global';
  const total = global ? live.length : service.spec.replicas;
  const text = rollback ? ['rollback: manually requested rollback '] : [];
  text.push(`overall progress: ${rollback ? 'rolling back update: ' : ''}${running.length} out of ${total} tasks `);
  if (global) {
    for (const t of [...live].sort((a, b) => a.nodeId.localeCompare(b.nodeId))) text.push(slotLine(t.nodeId.slice(0, 12), t, rollback));
  } else {
    for (let slot = 1; slot <= total; slot++) text.push(slotLine(`${slot}/${total}`, live.find((t) => t.slot === slot), rollback));
  }
  return { text, done: running.length === total };
}

/**
 * Prints the display and waits as the CLI does; `name` is what the verify
 * line calls the service. A rollback starts with the updater's message and
 * counts "rolling back update".
 */
export async function showProgress(ctx: CommandContext, cluster: ClusterState, service: SwarmService, name: string, rollback = false): Promise<number> {
  const { text, done } = lines(cluster, service, rollback);
  ctx.stdout(text.join('\n') + '\n');
  if (done) {
    await ctx.sleep(VERIFY_MS);
    ctx.stdout(`verify: Service ${name} converged \n`);
    return 0;
  }
  for (let waited = 0; waited < GIVE_UP_MS; waited += 1000) {
    if (!(await ctx.sleep(1000))) break;
  }
  ctx.stdout(`Operation continuing in background.\nUse \`docker service ps ${name}\` to check progress.\n`);
  return 0;
}
