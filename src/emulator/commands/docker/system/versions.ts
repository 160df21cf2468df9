/**
 * The Docker Engine - Community 28.2.2 packages for Debian 12 (bookworm) the
 * lab's hosts run: versions and commits as `docker version` reports them.
 * The client and server commits and the Go version are those of the 28.2.2
 * release (a published `docker version` of 28.2.2 shows client e6534b4,
 * server 45873be, go1.24.3, containerd 1.7.27 05044ec, runc 1.2.5
 * v1.2.5-0-g59923ef, docker-init 0.19.0 de40ad0); the build times of the
 * Debian packages were NOT FOUND and are the release day's.
 * (`docker --version` in commands/docker/docker.ts prints these too.)
 */
export const ENGINE = {
  version: '28.2.2',
  apiVersion: '1.50',
  minApiVersion: '1.24',
  goVersion: 'go1.24.3',
  clientCommit: 'e6534b4',
  serverCommit: '45873be',
  clientBuilt: 'Fri May 30 12:07:35 2025',
  serverBuilt: 'Fri May 30 12:07:35 2025',
  platform: 'Docker Engine - Community',
  os: 'linux',
  arch: 'amd64',
} as const;

export const CONTAINERD = { version: '1.7.27', commit: '05044ec0a9a75232cad458027ca83437aae3f4da' } as const;
export const RUNC = { version: '1.2.5', commit: 'v1.2.5-0-g59923ef' } as const;
export const DOCKER_INIT = { version: '0.19.0', commit: 'de40ad0' } as const;

/** The CLI plugins the docker-ce packages install, with their May 2025 versions. */
export const CLI_PLUGINS = [
  { name: 'buildx', description: 'Docker Buildx', version: 'v0.24.0', path: '/usr/libexec/docker/cli-plugins/docker-buildx' },
  { name: 'compose', description: 'Docker Compose', version: 'v2.36.2', path: '/usr/libexec/docker/cli-plugins/docker-compose' },
] as const;

/** The host the lab emulates (uname -r, /etc/os-release, two vCPUs and 24 GB). */
export const HOST_SYSTEM = {
  kernel: '6.1.0-37-amd64',
  os: 'Debian GNU/Linux 12 (bookworm)',
  osVersion: '12',
  architecture: 'x86_64',
  cpus: 2,
  memTotal: 25157115904,
} as const;
