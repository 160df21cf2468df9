/**
 * Turns the flags of `docker run`/`docker create` into the daemon request,
 * with the CLI-side checks of docker/cli opts.go parse(): port specs, env
 * files, restart policy, the pull option. A returned string is the error
 * the CLI prints after `docker: ` (exit 125).
 */
import type { CommandContext } from '../../types';
import type { Flags } from '../cli/flags';
import type { ContainerCreateOptions } from '../../../docker/container-create';
import type { ContainerCliSettings } from '../../../docker/state';
import { parseRunPorts } from '../../../docker/ports/index';
import { referenceError } from '../../../docker/image-store';
import { resolvePath } from '../../../kernel/fs';

export interface CreateRequest {
  options: ContainerCreateOptions;
  /** Further --network values (Docker 28 accepts several user-defined networks). */
  extraNetworks: string[];
  cli: ContainerCliSettings;
  pull: 'missing' | 'always' | 'never';
  quiet: boolean;
}

/** `-e KEY` takes KEY from the CLI's own environment, and is dropped if unset there (opts.ValidateEnv). */
function envValue(ctx: CommandContext, kv: string): string | undefined {
  if (kv.includes('=')) return kv;
  return ctx.env[kv] !== undefined ? `${kv}=${ctx.env[kv]}` : undefined;
}

function readEnvFiles(ctx: CommandContext, files: string[]): string[] | string {
  const out: string[] = [];
  for (const file of files) {
    const text = ctx.scope.fs.read(resolvePath(ctx.scope.cwd, file));
    if (text === 'ENOENT' || text === 'ENOTDIR') return `open ${file}: no such file or directory`;
    if (text === 'EISDIR') return `read ${file}: is a directory`;
    for (const raw of text.split('\n')) {
      const line = raw.replace(/^\s+/, '');
      if (line === '' || line.startsWith('#')) continue;
      const v = envValue(ctx, line);
      if (v !== undefined) out.push(v);
    }
  }
  return out;
}

function labels(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of values) {
    const i = kv.indexOf('=');
    if (i < 0) out[kv] = '';
    else out[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return out;
}

function pullOption(flags: Flags): CreateRequest['pull'] | string {
  const v = flags.string('pull') ?? 'missing';
  if (v === 'missing' || v === 'always' || v === 'never') return v;
  return `invalid pull option: '${v}': must be one of "always", "missing" or "never"`;
}

function cliSettings(flags: Flags, detach: boolean): ContainerCliSettings {
  const interactive = flags.bool('interactive');
  return {
    attachStdin: !detach && interactive,
    attachStdout: !detach,
    attachStderr: !detach,
    stdinOnce: !detach && interactive,
    workingDir: flags.string('workdir') ?? '',
    user: flags.string('user') ?? '',
    labels: labels(flags.list('label')),
    restartPolicy: flags.string('restart') || 'no',
    capAdd: flags.list('cap-add'),
    privileged: flags.bool('privileged'),
    entrypointSet: flags.has('entrypoint') && flags.string('entrypoint') !== '',
    binds: flags.list('volume'),
    ...(flags.string('stop-signal') ? { stopSignal: flags.string('stop-signal') } : {}),
    ...(flags.has('stop-timeout') ? { stopTimeout: flags.int('stop-timeout', 10) } : {}),
    ...(flags.bool('init') ? { init: true } : {}),
  };
}

export function buildCreateRequest(ctx: CommandContext, flags: Flags, detach: boolean): CreateRequest | string {
  const [image, ...cmd] = flags.args;
  const refErr = referenceError(image);
  if (refErr) return refErr;
  const ports = parseRunPorts(flags.list('publish'), flags.list('expose'));
  if (!ports.ok) return ports.error;
  const fileEnv = readEnvFiles(ctx, flags.list('env-file'));
  if (typeof fileEnv === 'string') return fileEnv;
  const env = [...fileEnv, ...flags.list('env').flatMap((kv) => envValue(ctx, kv) ?? [])];
  const pull = pullOption(flags);
  if (pull !== 'missing' && pull !== 'always' && pull !== 'never') return pull;
  const cli = cliSettings(flags, detach);
  if (flags.bool('rm') && cli.restartPolicy !== 'no') return 'Conflicting options: --restart and --rm';
  const networks = [...flags.list('network'), ...flags.list('net')];
  const entry = flags.string('entrypoint');
  const options: ContainerCreateOptions = {
    image, name: flags.string('name'), cmd, env,
    entrypoint: entry === undefined ? undefined : entry === '' ? [] : [entry],
    hostname: flags.string('hostname'), domainname: flags.string('domainname'),
    networkMode: networks[0] ?? 'bridge',
    aliases: [...flags.list('network-alias'), ...flags.list('net-alias')], ipv4: flags.string('ip') || undefined,
    dns: flags.list('dns'), dnsSearch: flags.list('dns-search'), dnsOptions: [...flags.list('dns-option'), ...flags.list('dns-opt')],
    extraHosts: flags.list('add-host').map((h) => h.replace(/^([^=:]+)=/, '$1:')),
    links: flags.list('link'), exposed: ports.value.exposed, portBindings: ports.value.bindings,
    publishAll: flags.bool('publish-all'), tty: flags.bool('tty'), openStdin: flags.bool('interactive'), autoRemove: flags.bool('rm'),
  };
  return { options, extraNetworks: networks.slice(1), cli, pull, quiet: flags.bool('quiet') };
}
