/**
 * `docker info` / `docker system info` (docker/cli cli/command/system/info.go,
 * prettyPrintInfo): the Client section, then the Server section of a Docker
 * Engine 28.2 on Debian 12 with overlay2, systemd cgroups v2; the Swarm
 * part from the node's membership (info-swarm.ts).
 * Lines are Go's Fprintln of a label and a value, hence the single space
 * after each colon. `Default Address Pools` appears only when daemon.json
 * sets them; `Firewall Backend` is reported since API 1.50 (28.2).
 * `-f/--format` runs a Go template over the dockerInfo value
 * (info-document.ts): a parse error exits 64, an execution error prints what
 * was written, a newline, and the error (exit 1).
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import { executeTemplate, parseTemplate } from '../../../docker/format/gotemplate/index';
import { CDI_SPEC_DIRS, INSECURE_CIDRS, PLUGINS, STORAGE_STATUS, infoDocument, infoFacts, type InfoFacts } from './info-document';
import { daemonOf } from '../engine-access';
import { CLI_PLUGINS, CONTAINERD, DOCKER_INIT, ENGINE, HOST_SYSTEM, RUNC } from './versions';

/** go-units BytesSize: binary units, four significant digits. */
export function bytesSize(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${Number(n.toPrecision(4))}${units[i]}`;
}

export function clientSection(): string[] {
  const lines = [`Client: ${ENGINE.platform}`, ` Version:    ${ENGINE.version}`, ' Context:    default', ' Debug Mode: false', ' Plugins:'];
  for (const p of CLI_PLUGINS) lines.push(`  ${p.name}: ${p.description} (Docker Inc.)`, `    Version:  ${p.version}`, `    Path:     ${p.path}`);
  return lines;
}

function serverSection(f: InfoFacts): string[] {
  const lines = [
    'Server:', ` Containers: ${f.containers}`, `  Running: ${f.running}`, `  Paused: ${f.paused}`, `  Stopped: ${f.stopped}`,
    ` Images: ${f.images}`, ` Server Version: ${ENGINE.version}`, ' Storage Driver: overlay2',
    ...STORAGE_STATUS.map(([k, v]) => `  ${k}: ${v}`),
    ' Logging Driver: json-file', ' Cgroup Driver: systemd', ' Cgroup Version: 2', ' Plugins:',
    `  Volume: ${PLUGINS.Volume.join(' ')}`, `  Network: ${PLUGINS.Network.join(' ')}`, `  Log: ${PLUGINS.Log.join(' ')}`,
    ' CDI spec directories:', ...CDI_SPEC_DIRS.map((d) => `  ${d}`),
    ...f.swarm.lines, ' Runtimes: io.containerd.runc.v2 runc', ' Default Runtime: runc', ' Init Binary: docker-init',
    ` containerd version: ${CONTAINERD.commit}`, ` runc version: ${RUNC.commit}`, ` init version: ${DOCKER_INIT.commit}`,
    ' Security Options:', '  apparmor', '  seccomp', '   Profile: builtin', '  cgroupns',
    ` Kernel Version: ${HOST_SYSTEM.kernel}`, ` Operating System: ${HOST_SYSTEM.os}`, ' OSType: linux',
    ` Architecture: ${HOST_SYSTEM.architecture}`, ` CPUs: ${HOST_SYSTEM.cpus}`, ` Total Memory: ${bytesSize(HOST_SYSTEM.memTotal)}`,
    ` Name: ${f.name}`, ` ID: ${f.id}`, ' Docker Root Dir: /var/lib/docker', ' Debug Mode: false', ' Experimental: false',
    ' Insecure Registries:', ...INSECURE_CIDRS.map((c) => `  ${c}`), ' Live Restore Enabled: false',
  ];
  if (f.pools.length) lines.push(' Default Address Pools:', ...f.pools.map((p) => `   Base: ${p.base}, Size: ${p.size}`));
  lines.push(' Firewall Backend: iptables', '');
  return lines;
}

function formatted(ctx: CommandContext, format: string, f: InfoFacts): number {
  const parsed = parseTemplate(format === 'json' ? '{{json .}}' : format);
  if (!parsed.ok) {
    ctx.stderr(`template parsing error: ${parsed.error}\n`);
    return 64;
  }
  const r = executeTemplate(parsed.template, infoDocument(f));
  if (r.ok) {
    ctx.stdout(r.text + '\n');
    return 0;
  }
  ctx.stdout(r.partial + '\n');
  ctx.stderr(r.error + '\n');
  return 1;
}

/** prettyPrintInfo without a daemon: the Client part, the error under Server, and a summary error (exit 1). */
function daemonDown(ctx: CommandContext): number {
  ctx.stdout([...clientSection(), '', 'Server:'].join('\n') + '\n');
  ctx.stderr('ERROR: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\nerrors pretty printing info\n');
  return 1;
}

function run(ctx: CommandContext, flags: Flags): number {
  if (!daemonOf(ctx).running && !flags.string('format')) return daemonDown(ctx);
  const f = infoFacts(ctx);
  const format = flags.string('format');
  if (format) return formatted(ctx, format, f);
  ctx.stdout([...clientSection(), '', ...serverSection(f)].join('\n') + '\n');
  return 0;
}

const spec = (path: string[], use: string): DockerCommand => ({
  path,
  use,
  short: 'Display system-wide information',
  flags: [{ long: 'format', short: 'f', type: 'string', help: 'Format output using a custom template' }],
  args: { kind: 'none' },
  run,
});

export const infoCommands: DockerCommand[] = [spec(['info'], 'info [OPTIONS]'), spec(['system', 'info'], 'system info [OPTIONS]')];
