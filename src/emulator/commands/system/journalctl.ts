/** `journalctl -u docker`: the daemon's log, with systemd's header line. */
import type { CommandSpec } from '../types';
import { labCtx, machineOf } from '../docker/engine-access';

function stamp(ms: number): string {
  const d = new Date(ms);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${months[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export const journalctl: CommandSpec = {
  name: 'journalctl',
  usage: 'journalctl [OPTIONS...] [MATCHES...]',
  summary: 'Query the journal.',
  run(ctx) {
    const lab = labCtx(ctx);
    const machine = machineOf(ctx);
    const args = ctx.argv.slice(1);
    const unitIdx = args.findIndex((a) => a === '-u' || a === '--unit' || a.startsWith('-u'));
    const unit = unitIdx >= 0 ? (args[unitIdx] === '-u' || args[unitIdx] === '--unit' ? args[unitIdx + 1] : args[unitIdx].slice(2)) : undefined;
    const docker = lab.state.machines[machine]?.docker;
    const lines = unit && unit.replace(/\.service$/, '') === 'docker' && docker ? docker.journal : [];
    if (!lines.length) {
      ctx.stdout('-- No entries --\n');
      return 0;
    }
    const nIdx = args.indexOf('-n');
    const tail = nIdx >= 0 ? Number(args[nIdx + 1]) || 10 : lines.length;
    for (const l of lines.slice(-tail)) ctx.stdout(`${stamp(l.t)} ${machine} ${l.line}\n`);
    return 0;
  },
};
