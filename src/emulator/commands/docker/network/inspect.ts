/**
 * `docker network inspect [-f FORMAT] [-v] NETWORK...` (docker/cli
 * cli/command/network/inspect.go over cli/command/inspect/inspector.go).
 * Every name is looked up in turn; a missing one is remembered and the rest
 * still print. Without a template the found documents print as one JSON
 * array indented with 4 spaces — `[]` when none was found; `-f json` prints
 * the array compact. With a template each document prints its result and a
 * newline, and when nothing printed at all a lone newline is written. The
 * errors come last on stderr, one per line (`Error response from daemon:
 * network foo not found`), exit 1. A template that does not parse exits 64
 * before anything is looked up.
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import { isDaemonError } from '../../../docker/errors';
import { findNetwork } from '../../../docker/lookup';
import { networkDocument } from './document';
import { marshal, marshalIndent } from '../../../docker/format/gojson';
import { parseTemplate, renderDockerTemplate } from '../../../docker/format/gotemplate/index';
import { daemonOf, labCtx, machineOf } from '../engine-access';

function renderTemplate(format: string, docs: unknown[], errors: string[]): string {
  let out = '';
  for (const doc of docs) {
    const r = renderDockerTemplate(format, doc);
    if (r.ok) out += r.text + '\n';
    else errors.push(r.error);
  }
  return out === '' ? '\n' : out;
}

function run(ctx: CommandContext, flags: Flags): number {
  const format = flags.string('format') ?? '';
  const templated = format !== '' && format !== 'json';
  if (templated) {
    const parsed = parseTemplate(format);
    if (!parsed.ok) {
      ctx.stderr(`template parsing error: ${parsed.error}\n`);
      return 64;
    }
  }
  const docker = daemonOf(ctx);
  const docs: unknown[] = [];
  const errors: string[] = [];
  for (const ref of flags.args) {
    const net = findNetwork(docker, ref);
    if (isDaemonError(net)) errors.push(`Error response from daemon: ${net.daemonError}`);
    else docs.push(networkDocument(labCtx(ctx), machineOf(ctx), net, flags.bool('verbose')));
  }
  if (templated) ctx.stdout(renderTemplate(format, docs, errors));
  else ctx.stdout((format === 'json' ? marshal(docs) : marshalIndent(docs, '    ')) + '\n');
  if (!errors.length) return 0;
  ctx.stderr(errors.join('\n') + '\n');
  return 1;
}

export const networkInspectCommand: DockerCommand = {
  path: ['network', 'inspect'],
  use: 'network inspect [OPTIONS] NETWORK [NETWORK...]',
  short: 'Display detailed information on one or more networks',
  flags: [
    { long: 'format', short: 'f', type: 'string', help: 'Format output using a custom template' },
    { long: 'verbose', short: 'v', type: 'bool', help: 'Verbose output for diagnostics' },
  ],
  args: { kind: 'min', n: 1 },
  run,
};
