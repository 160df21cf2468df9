/**
 * `env [-i] [-u NAME] [NAME=VALUE]... [COMMAND [ARG]...]`: prints the
 * environment in its own order (the order variables entered it), or runs
 * COMMAND with a changed one.
 *
 *   GNU:     env: 'foo': No such file or directory   (127)
 *   BusyBox: env: can't execute 'foo': No such file or directory   (127)
 */
import type { CommandContext, CommandSpec } from '../types';
import { shellOf } from '../../shell/runtime';
import { getopt, handleHelp, usageError } from './common';

export function printEnvironment(ctx: CommandContext, env: Record<string, string>): void {
  let out = '';
  for (const [k, v] of Object.entries(env)) out += `${k}=${v}\n`;
  ctx.stdout(out);
}

export const env: CommandSpec = {
  name: 'env',
  usage: 'env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]',
  summary: 'Set each NAME to VALUE in the environment and run COMMAND.',
  async run(ctx) {
    if (handleHelp(ctx, env)) return 0;
    // Options end at the first NAME=VALUE or COMMAND (env stops there, even GNU's).
    const firstOperand = ctx.argv.findIndex((a, i) => i > 0 && (a === '-' || !a.startsWith('-')));
    const optArgv = firstOperand < 0 ? ctx.argv : ctx.argv.slice(0, firstOperand);
    const parsed = getopt(optArgv, { flags: 'i0', withArg: 'u', long: { 'ignore-environment': 'i', unset: 'u' } }, ctx.scope.userland);
    if (!parsed.ok) return usageError(ctx, env, parsed.message, 125);
    const rest = firstOperand < 0 ? [] : ctx.argv.slice(firstOperand);
    const vars: Record<string, string> = parsed.opts.flags.has('i') || rest[0] === '-' ? {} : { ...ctx.env };
    if (rest[0] === '-') rest.shift();
    for (const name of parsed.opts.values.get('u') ?? []) delete vars[name];
    while (rest.length > 0 && /^[^=]+=/.test(rest[0])) {
      const a = rest.shift()!;
      const eq = a.indexOf('=');
      vars[a.slice(0, eq)] = a.slice(eq + 1);
    }
    if (rest.length === 0) {
      printEnvironment(ctx, vars);
      return 0;
    }
    return runWith(ctx, rest, vars);
  },
};

async function runWith(ctx: CommandContext, argv: string[], vars: Record<string, string>): Promise<number> {
  const sh = shellOf(ctx);
  const spec = sh?.runtime.lookup(argv[0]) ?? sh?.findBuiltin(argv[0]);
  if (!spec || spec.name === 'cd' || spec.name === 'export') {
    ctx.stderr(ctx.scope.userland === 'gnu' ? `env: '${argv[0]}': No such file or directory\n` : `env: can't execute '${argv[0]}': No such file or directory\n`);
    return 127;
  }
  return spec.run({ ...ctx, argv, env: vars });
}
