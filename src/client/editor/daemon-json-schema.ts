/**
 * A JSON schema for /etc/docker/daemon.json, so the editor completes keys,
 * explains them on hover and warns about unknown ones — dockerd refuses to
 * start with an unknown key ("the following directives don't match any
 * configuration option"). Descriptions follow the dockerd reference; the key
 * list matches what the emulator accepts (src/emulator/docker/daemon-json.ts).
 */

const str = (description: string) => ({ type: 'string', description });
const bool = (description: string) => ({ type: 'boolean', description });
const strings = (description: string) => ({ type: 'array', items: { type: 'string' }, description });

const networking = {
  bip: str('Address and prefix of the default bridge docker0, e.g. "10.99.0.1/24". Containers on `bridge` get addresses from it.'),
  'default-address-pools': {
    type: 'array',
    description: 'Where user-defined networks get their subnets: e.g. [{ "base": "10.10.0.0/16", "size": 24 }] gives 10.10.0.0/24, 10.10.1.0/24, …',
    items: {
      type: 'object',
      properties: { base: str('The pool, e.g. "10.10.0.0/16".'), size: { type: 'integer', minimum: 1, maximum: 32, description: 'Prefix length of each subnet taken from the pool.' } },
      required: ['base', 'size'],
      additionalProperties: false,
    },
  },
  dns: strings('DNS servers for containers (their /etc/resolv.conf), e.g. ["1.1.1.1"].'),
  'dns-search': strings('Search domains for containers.'),
  'dns-opts': strings('resolv.conf options for containers, e.g. ["ndots:2"].'),
  mtu: { type: 'integer', minimum: 68, description: 'MTU of the default bridge network (default 1500).' },
  iptables: bool('Let dockerd write iptables rules for NAT, publishing and isolation (default true).'),
  'ip-forward': bool('Turn on IPv4 forwarding in the kernel (default true).'),
  'ip-masq': bool('Masquerade (SNAT) traffic leaving bridge networks (default true).'),
  icc: bool('Allow containers on the default bridge to talk to each other (default true).'),
  'userland-proxy': bool('Run docker-proxy for published ports (default true).'),
  ip: str('Default host address for published ports (-p), default "0.0.0.0".'),
  ipv6: bool('Enable IPv6 on the default bridge.'),
  'fixed-cidr': str('Restrict the default bridge\'s container addresses to this range, inside bip.'),
  'fixed-cidr-v6': str('IPv6 subnet for the default bridge.'),
  'default-gateway': str('Default gateway for containers on the default bridge.'),
};

const other = ['debug', 'live-restore', 'experimental'].map((k) => [k, bool(`dockerd option ${k}.`)] as const);
const others = ['log-level', 'log-driver', 'storage-driver', 'data-root', 'metrics-addr'].map((k) => [k, str(`dockerd option ${k}.`)] as const);
const lists = ['insecure-registries', 'registry-mirrors', 'hosts'].map((k) => [k, strings(`dockerd option ${k}.`)] as const);

export const daemonJsonSchema = {
  type: 'object',
  description: 'dockerd settings, read when the daemon starts: run `systemctl restart docker` after saving.',
  properties: {
    ...networking,
    ...Object.fromEntries([...other, ...others, ...lists]),
    'log-opts': { type: 'object', description: 'Options of the log driver.' },
    features: { type: 'object', description: 'dockerd feature flags.' },
    builder: { type: 'object', description: 'BuildKit settings.' },
    'max-concurrent-downloads': { type: 'integer', description: 'Parallel image layer downloads.' },
  },
  additionalProperties: false,
};

/** The schema to use for a file, if any. */
export function schemaFor(path: string): object | undefined {
  return path === '/etc/docker/daemon.json' ? daemonJsonSchema : undefined;
}
