/**
 * `sleep N[smhd]...`: waits on the lab's clock through `ctx.sleep`; Ctrl-C
 * ends it with status 130. Not a builtin in bash or ash (it is
 * /bin/sleep), but every image has it, so the shell provides it.
 *
 *   GNU:     sleep: invalid time interval 'x'  + Try 'sleep --help' ...
 *            sleep: missing operand            + Try 'sleep --help' ...
 *   BusyBox: sleep: invalid number 'x'
 */
import type { CommandSpec } from '../../commands/types';

const UNIT_MS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(arg: string): number | undefined {
  const m = /^([0-9]*\.?[0-9]+|[0-9]+\.)([smhd]?)$/.exec(arg);
  return m ? Number(m[1]) * UNIT_MS[m[2]] : undefined;
}

export const sleep: CommandSpec = {
  name: 'sleep',
  usage: 'sleep NUMBER[SUFFIX]...',
  summary: 'Pause for NUMBER seconds (suffix s, m, h or d).',
  builtin: true,
  async run(ctx) {
    const gnu = ctx.scope.userland === 'gnu';
    const args = ctx.argv.slice(1);
    if (args[0] === '--help') {
      ctx.stdout(`Usage: ${sleep.usage}\n${sleep.summary}\n`);
      return 0;
    }
    if (args.length === 0) {
      ctx.stderr(gnu ? "sleep: missing operand\nTry 'sleep --help' for more information.\n" : 'Usage: sleep [N]...\n');
      return 1;
    }
    let total = 0;
    for (const a of args) {
      const ms = parseDuration(a);
      if (ms === undefined) {
        ctx.stderr(gnu ? `sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n` : `sleep: invalid number '${a}'\n`);
        return 1;
      }
      total += ms;
    }
    return (await ctx.sleep(total)) ? 0 : 130;
  },
};
