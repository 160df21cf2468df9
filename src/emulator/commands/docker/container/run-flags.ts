/**
 * The flags of `docker run` and `docker create` (docker/cli
 * cli/command/container/opts.go AddFlags + run.go AddRunFlags), with their
 * help texts. Validators give the "invalid argument" reasons of docker/cli's
 * opts package. Flags the lab does not model (volumes, limits, capabilities)
 * are still accepted, so commands copied from tutorials do not fail on them.
 */
import type { FlagSpec } from '../cli/flags';
import { parseAddr } from '../../../docker/ports/go-netip';

function validIp(value: string): string | undefined {
  return parseAddr(value).ok ? undefined : `IP address is not correctly formatted: ${value}`;
}

const DOMAIN = /^(:?(([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])\.)*([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]))$/;

/** opts.ValidateDNSSearch: "." means "no search domain". */
function validDnsSearch(value: string): string | undefined {
  const domain = value.replace(/\.$/, '');
  if (value === '.') return undefined;
  if (!DOMAIN.test(domain)) return `${value} is not a valid domain`;
  if (domain.length > 255) return `domain ${domain} is too long`;
  return undefined;
}

/** opts.ValidateExtraHost: `name:ip` or `name=ip`; `host-gateway` stands for the host's address. */
function validExtraHost(value: string): string | undefined {
  const sep = value.search(/[=:]/);
  if (sep <= 0) return `bad format for add-host: "${value}"`;
  const ip = value.slice(sep + 1).replace(/^\[(.*)\]$/, '$1');
  if (ip !== 'host-gateway' && !parseAddr(ip).ok) return `invalid IP address in add-host: "${ip}"`;
  return undefined;
}

function validEnv(value: string): string | undefined {
  return value.startsWith('=') ? `invalid environment variable: ${value}` : undefined;
}

const b = (long: string, help: string, short?: string, hidden?: boolean): FlagSpec => ({ long, short, type: 'bool', help, hidden });
const s = (long: string, help: string, short?: string, value = 'string'): FlagSpec => ({ long, short, type: 'string', help, value });
const l = (long: string, help: string, short?: string, value = 'list'): FlagSpec => ({ long, short, type: 'list', help, value });

/** Flags shared by `run` and `create`, alphabetical as `--help` lists them. */
export const CREATE_FLAGS: FlagSpec[] = [
  { ...l('add-host', 'Add a custom host-to-IP mapping (host:ip)'), validate: validExtraHost },
  l('attach', 'Attach to STDIN, STDOUT or STDERR', 'a'),
  l('cap-add', 'Add Linux capabilities'),
  l('cap-drop', 'Drop Linux capabilities'),
  s('cpus', 'Number of CPUs', undefined, 'decimal'),
  { ...l('dns', 'Set custom DNS servers'), validate: validIp },
  l('dns-option', 'Set DNS options'),
  { ...l('dns-opt', 'Set DNS options'), hidden: true },
  { ...l('dns-search', 'Set custom DNS search domains'), validate: validDnsSearch },
  s('domainname', 'Container NIS domain name'),
  s('entrypoint', 'Overwrite the default ENTRYPOINT of the image'),
  { ...l('env', 'Set environment variables', 'e'), validate: validEnv },
  l('env-file', 'Read in a file of environment variables'),
  l('expose', 'Expose a port or a range of ports'),
  s('hostname', 'Container host name', 'h'),
  b('init', 'Run an init inside the container that forwards signals and reaps processes'),
  b('interactive', 'Keep STDIN open even if not attached', 'i'),
  s('ip', 'IPv4 address (e.g., 172.30.100.104)'),
  s('ip6', 'IPv6 address (e.g., 2001:db8::33)'),
  l('label', 'Set meta data on a container', 'l'),
  l('link', 'Add link to another container'),
  s('mac-address', 'Container MAC address (e.g., 92:d0:c6:0a:29:33)'),
  s('memory', 'Memory limit', 'm', 'bytes'),
  l('mount', 'Attach a filesystem mount to the container', undefined, 'mount'),
  s('name', 'Assign a name to the container'),
  { ...l('network', 'Connect a container to a network', undefined, 'network') },
  { ...l('net', 'Connect a container to a network', undefined, 'network'), hidden: true },
  l('network-alias', 'Add network-scoped alias for the container'),
  { ...l('net-alias', 'Add network-scoped alias for the container'), hidden: true },
  s('platform', 'Set platform if server is multi-platform capable'),
  b('privileged', 'Give extended privileges to this container'),
  l('publish', "Publish a container's port(s) to the host", 'p'),
  b('publish-all', 'Publish all exposed ports to random ports', 'P'),
  { ...s('pull', 'Pull image before running ("always", "missing", "never")'), defaultText: '"missing"' },
  b('quiet', 'Suppress the pull output', 'q'),
  b('read-only', "Mount the container's root filesystem as read only"),
  { ...s('restart', 'Restart policy to apply when a container exits'), defaultText: '"no"' },
  b('rm', 'Automatically remove the container and its associated anonymous volumes when it exits'),
  s('stop-signal', 'Signal to stop the container'),
  { long: 'stop-timeout', type: 'int', value: 'int', help: 'Timeout (in seconds) to stop a container' },
  { long: 'sysctl', type: 'map', value: 'map', help: 'Sysctl options' },
  l('tmpfs', 'Mount a tmpfs directory'),
  b('tty', 'Allocate a pseudo-TTY', 't'),
  l('ulimit', 'Ulimit options', undefined, 'ulimit'),
  s('user', 'Username or UID (format: <name|uid>[:<group|gid>])', 'u'),
  l('volume', 'Bind mount a volume', 'v'),
  s('workdir', 'Working directory inside the container', 'w'),
];

/** `docker run` adds these (run.go AddRunFlags). */
export const RUN_ONLY_FLAGS: FlagSpec[] = [
  b('detach', 'Run container in background and print container ID', 'd'),
  s('detach-keys', 'Override the key sequence for detaching a container'),
  { ...b('sig-proxy', 'Proxy received signals to the process'), defaultText: 'true' },
];

export const RUN_FLAGS: FlagSpec[] = [...CREATE_FLAGS, ...RUN_ONLY_FLAGS].sort((x, y) => x.long.localeCompare(y.long));
