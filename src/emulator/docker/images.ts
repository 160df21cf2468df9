/**
 * The offline image catalog. Each image says what `docker images` shows,
 * what its config holds (exposed ports, default command, env), which
 * userland it ships (BusyBox or GNU) and which programs, and what service its
 * main process runs. Sizes and dates are those of the mid-2025 tags.
 */
import type { ServiceRef } from '../net/state';
import type { Userland } from '../commands/types';

export interface ImageService {
  proto: 'tcp' | 'udp';
  port: number;
  program: string;
  service: ServiceRef;
}

export interface ImageSpec {
  repository: string;
  tag: string;
  /** 64-hex image ID (sha256 digest of the config). */
  id: string;
  size: string;
  /** Days before the lab's epoch the image was built (for CREATED). */
  ageDays: number;
  exposed: string[];
  entrypoint: string[];
  cmd: string[];
  env: string[];
  workdir: string;
  userland: Userland;
  tools: string[];
  /** What the main process serves while the container runs, unless the command is overridden. */
  services: ImageService[];
  /** Lines the default process logs on start; nginx, redis, postgres (also training/postgres) and httpd log dated lines made at the start instead (startup-logs.ts). */
  startupLogs: string[];
  /** True when the default command is an interactive shell that exits at once without -i/-t. */
  shellDefault: boolean;
}

const BUSYBOX_TOOLS = [
  'sh', 'ash', 'ls', 'cat', 'echo', 'grep', 'head', 'tail', 'wc', 'sort', 'cut', 'uniq', 'tr', 'tee', 'env', 'printenv',
  'hostname', 'ping', 'ping6', 'traceroute', 'wget', 'nslookup', 'nc', 'netstat', 'ip', 'ifconfig', 'route', 'arp',
  'sleep', 'touch', 'rm', 'mkdir', 'seq', 'ps', 'top', 'vi', 'which', 'true', 'false', 'date', 'uname', 'id', 'clear',
];
const DEBIAN_BASE = [
  'bash', 'sh', 'ls', 'cat', 'echo', 'grep', 'head', 'tail', 'wc', 'sort', 'cut', 'uniq', 'tr', 'tee', 'env', 'printenv',
  'hostname', 'sleep', 'touch', 'rm', 'mkdir', 'seq', 'which', 'true', 'false', 'date', 'uname', 'id', 'clear',
];
const NETSHOOT_TOOLS = [
  ...DEBIAN_BASE, 'zsh', 'ping', 'traceroute', 'curl', 'wget', 'nslookup', 'dig', 'drill', 'nc', 'netstat', 'ss', 'ip',
  'iptables', 'tcpdump', 'arp', 'route', 'ifconfig', 'bridge', 'brctl', 'ethtool', 'iperf', 'iperf3', 'ipvsadm', 'nsenter',
  'conntrack', 'ps', 'iftop', 'mtr',
];

const id = (seed: string): string => {
  // A fixed, realistic-looking digest per image (not random: image IDs are content hashes).
  // FNV-1a over the whole name, then one mixed block per 8 hex digits, so that names
  // sharing a prefix (training/webapp, training/postgres) still get unrelated IDs.
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  let out = '';
  for (let block = 0; out.length < 64; block++) {
    let x = (h ^ Math.imul(block + 7, 0x9e3779b9)) >>> 0;
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
    out += ((x ^ (x >>> 16)) >>> 0).toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
};

export const IMAGES: ImageSpec[] = [
  { repository: 'alpine', tag: 'latest', id: id('alpine'), size: '8.31MB', ageDays: 40, exposed: [], entrypoint: [], cmd: ['/bin/sh'], env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], workdir: '/', userland: 'busybox', tools: BUSYBOX_TOOLS, services: [], startupLogs: [], shellDefault: true },
  { repository: 'busybox', tag: 'latest', id: id('busybox'), size: '4.28MB', ageDays: 300, exposed: [], entrypoint: [], cmd: ['sh'], env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], workdir: '/', userland: 'busybox', tools: BUSYBOX_TOOLS, services: [], startupLogs: [], shellDefault: true },
  { repository: 'ubuntu', tag: 'latest', id: id('ubuntu'), size: '78.1MB', ageDays: 20, exposed: [], entrypoint: [], cmd: ['/bin/bash'], env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], workdir: '/', userland: 'gnu', tools: DEBIAN_BASE, services: [], startupLogs: [], shellDefault: true },
  { repository: 'debian', tag: 'latest', id: id('debian'), size: '117MB', ageDays: 25, exposed: [], entrypoint: [], cmd: ['bash'], env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], workdir: '/', userland: 'gnu', tools: DEBIAN_BASE, services: [], startupLogs: [], shellDefault: true },
  { repository: 'nginx', tag: 'latest', id: id('nginx'), size: '192MB', ageDays: 14, exposed: ['80/tcp'], entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'], env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'NGINX_VERSION=1.27.5', 'NJS_VERSION=0.8.10', 'PKG_RELEASE=1~bookworm'], workdir: '/', userland: 'gnu', tools: [...DEBIAN_BASE, 'curl', 'nginx'], services: [{ proto: 'tcp', port: 80, program: 'nginx: master pro', service: { kind: 'http', site: 'nginx' } }], startupLogs: [], shellDefault: false },
  { repository: 'httpd', tag: 'latest', id: id('httpd'), size: '148MB', ageDays: 30, exposed: ['80/tcp'], entrypoint: [], cmd: ['httpd-foreground'], env: ['PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HTTPD_PREFIX=/usr/local/apache2', 'HTTPD_VERSION=2.4.63'], workdir: '/usr/local/apache2', userland: 'gnu', tools: [...DEBIAN_BASE, 'httpd'], services: [{ proto: 'tcp', port: 80, program: 'httpd', service: { kind: 'http', site: 'httpd' } }], startupLogs: [], shellDefault: false },
  { repository: 'redis', tag: 'latest', id: id('redis'), size: '128MB', ageDays: 21, exposed: ['6379/tcp'], entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'], env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'REDIS_VERSION=8.0.2'], workdir: '/data', userland: 'gnu', tools: [...DEBIAN_BASE, 'redis-cli', 'redis-server'], services: [{ proto: 'tcp', port: 6379, program: 'redis-server', service: { kind: 'redis' } }], startupLogs: [], shellDefault: false },
  // The tags Docker's swarm tutorial rolls from and to (docs: swarm-tutorial/rolling-update): Redis 3.0 on Debian jessie, 2015.
  ...['3.0.6', '3.0.7'].map((tag, i): ImageSpec => ({ repository: 'redis', tag, id: id(`redis:${tag}`), size: '151MB', ageDays: 3640 - i * 30, exposed: ['6379/tcp'], entrypoint: ['/entrypoint.sh'], cmd: ['redis-server'], env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `REDIS_VERSION=${tag}`], workdir: '/data', userland: 'gnu', tools: [...DEBIAN_BASE, 'redis-cli', 'redis-server'], services: [{ proto: 'tcp', port: 6379, program: 'redis-server', service: { kind: 'redis' } }], startupLogs: [], shellDefault: false })),
  { repository: 'postgres', tag: 'latest', id: id('postgres'), size: '438MB', ageDays: 18, exposed: ['5432/tcp'], entrypoint: ['docker-entrypoint.sh'], cmd: ['postgres'], env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/17/bin', 'PG_MAJOR=17', 'PGDATA=/var/lib/postgresql/data'], workdir: '/', userland: 'gnu', tools: [...DEBIAN_BASE, 'psql', 'postgres'], services: [{ proto: 'tcp', port: 5432, program: 'postgres', service: { kind: 'postgres' } }], startupLogs: [], shellDefault: false },
  { repository: 'python', tag: 'latest', id: id('python'), size: '1.02GB', ageDays: 12, exposed: [], entrypoint: [], cmd: ['python3'], env: ['PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'LANG=C.UTF-8', 'PYTHON_VERSION=3.13.5'], workdir: '/', userland: 'gnu', tools: [...DEBIAN_BASE, 'python3', 'python', 'curl', 'wget'], services: [], startupLogs: [], shellDefault: true },
  { repository: 'training/webapp', tag: 'latest', id: id('training/webapp'), size: '349MB', ageDays: 3500, exposed: ['5000/tcp'], entrypoint: [], cmd: ['python', 'app.py'], env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], workdir: '/opt/webapp', userland: 'gnu', tools: [...DEBIAN_BASE, 'python', 'ping', 'curl'], services: [{ proto: 'tcp', port: 5000, program: 'python', service: { kind: 'http', site: 'webapp' } }], startupLogs: [' * Running on http://0.0.0.0:5000/ (Press CTRL+C to quit)'], shellDefault: false },
  { repository: 'training/postgres', tag: 'latest', id: id('training/postgres'), size: '364MB', ageDays: 3500, exposed: ['5432/tcp'], entrypoint: [], cmd: ['su', 'postgres', '-c', '/usr/lib/postgresql/9.3/bin/postgres -D /var/lib/postgresql/9.3/main -c config_file=/etc/postgresql/9.3/main/postgresql.conf'], env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], workdir: '/', userland: 'gnu', tools: [...DEBIAN_BASE, 'psql', 'postgres'], services: [{ proto: 'tcp', port: 5432, program: 'postgres', service: { kind: 'postgres' } }], startupLogs: [], shellDefault: false },
  // traefik/whoami v1.11: a static Go binary FROM scratch — no shell, no tools; it answers who it is (kernel/whoami.ts).
  // Its start-up line is log.Printf's "2025/05/20 10:00:00 Starting up on port 80"; the catalog's lines are static, so without the date.
  { repository: 'traefik/whoami', tag: 'latest', id: id('traefik/whoami'), size: '6.62MB', ageDays: 90, exposed: ['80/tcp'], entrypoint: ['/whoami'], cmd: [], env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], workdir: '/', userland: 'busybox', tools: [], services: [{ proto: 'tcp', port: 80, program: 'whoami', service: { kind: 'http', site: 'whoami' } }], startupLogs: ['Starting up on port 80'], shellDefault: false },
  { repository: 'nicolaka/netshoot', tag: 'latest', id: id('nicolaka/netshoot'), size: '488MB', ageDays: 60, exposed: [], entrypoint: [], cmd: ['zsh'], env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], workdir: '/root', userland: 'gnu', tools: NETSHOOT_TOOLS, services: [], startupLogs: [], shellDefault: true },
];

/** Splits `name[:tag]` (a registry host with a port is not supported offline). */
export function parseReference(ref: string): { repository: string; tag: string } {
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon > slash) return { repository: stripLibrary(ref.slice(0, colon)), tag: ref.slice(colon + 1) };
  return { repository: stripLibrary(ref), tag: 'latest' };
}

function stripLibrary(repo: string): string {
  return repo.replace(/^(docker\.io\/)?(library\/)?/, '');
}

export function findImage(ref: string): ImageSpec | undefined {
  const { repository, tag } = parseReference(ref);
  return IMAGES.find((i) => i.repository === repository && i.tag === tag);
}

export function findImageById(idPrefix: string): ImageSpec | undefined {
  const p = idPrefix.replace(/^sha256:/, '');
  if (p.length < 4) return undefined;
  return IMAGES.find((i) => i.id.startsWith(p));
}
