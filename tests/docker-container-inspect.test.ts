/**
 * `docker inspect` of containers: the JSON document's shape and key order
 * (Docker 28, REFERENCE 1.10) and the `-f` templates of REFERENCE 5.
 */
import { describe, expect, it } from 'vitest';
import { createLab } from '../src/emulator/index';
import type { EmulatedLab } from '../src/emulator/lab';
import { createNetwork } from '../src/emulator/docker/networks';
import { setup, sh } from './docker-helpers';

const NETWORK_SETTINGS_28 = [
  'Bridge', 'SandboxID', 'SandboxKey', 'Ports', 'HairpinMode', 'LinkLocalIPv6Address', 'LinkLocalIPv6PrefixLen',
  'SecondaryIPAddresses', 'SecondaryIPv6Addresses', 'EndpointID', 'Gateway', 'GlobalIPv6Address', 'GlobalIPv6PrefixLen',
  'IPAddress', 'IPPrefixLen', 'IPv6Gateway', 'MacAddress', 'Networks',
];
const ENDPOINT_SETTINGS_28 = [
  'IPAMConfig', 'Links', 'Aliases', 'MacAddress', 'DriverOpts', 'GwPriority', 'NetworkID', 'EndpointID', 'Gateway',
  'IPAddress', 'IPPrefixLen', 'IPv6Gateway', 'GlobalIPv6Address', 'GlobalIPv6PrefixLen', 'DNSNames',
];
const TOP_LEVEL = [
  'Id', 'Created', 'Path', 'Args', 'State', 'Image', 'ResolvConfPath', 'HostnamePath', 'HostsPath', 'LogPath', 'Name',
  'RestartCount', 'Driver', 'Platform', 'MountLabel', 'ProcessLabel', 'AppArmorProfile', 'ExecIDs', 'HostConfig',
  'GraphDriver', 'Mounts', 'Config', 'NetworkSettings',
];

describe('docker inspect (container)', () => {
  it('prints a JSON array indented with 4 spaces, in Docker 28 key order', async () => {
    const lab = createLab({ seed: 1 });
    const id = (await sh(lab, 'docker run -d --name web -p 8080:80 nginx')).out.trim();
    const r = await sh(lab, 'docker inspect web');
    expect(r.code).toBe(0);
    expect(r.out.startsWith('[\n    {\n        "Id": "')).toBe(true);
    const [doc] = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(TOP_LEVEL);
    expect(doc.Id).toBe(id);
    expect(doc.Name).toBe('/web');
    expect(doc.Path).toBe('/docker-entrypoint.sh');
    expect(doc.Args).toEqual(['nginx', '-g', 'daemon off;']);
    expect(Object.keys(doc.State)).toEqual(['Status', 'Running', 'Paused', 'Restarting', 'OOMKilled', 'Dead', 'Pid', 'ExitCode', 'Error', 'StartedAt', 'FinishedAt']);
    expect(doc.State.Status).toBe('running');
    expect(doc.State.FinishedAt).toBe('0001-01-01T00:00:00Z');
    expect(doc.Created).toMatch(/^2026-01-12T09:00:\d\d\.\d{9}Z$/);
    expect(doc.Image).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(doc.HostConfig.NetworkMode).toBe('bridge');
    expect(doc.HostConfig.PortBindings).toEqual({ '80/tcp': [{ HostIp: '', HostPort: '8080' }] });
    expect(doc.HostConfig.Links).toBeNull();
    expect(doc.HostConfig.Dns).toEqual([]);
    expect(doc.Config.Hostname).toBe(id.slice(0, 12));
    expect(doc.Config.ExposedPorts).toEqual({ '80/tcp': {} });
    expect(doc.Config.Entrypoint).toEqual(['/docker-entrypoint.sh']);
    const ns = doc.NetworkSettings;
    expect(Object.keys(ns)).toEqual(NETWORK_SETTINGS_28);
    expect(ns.Ports).toEqual({ '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '8080' }, { HostIp: '::', HostPort: '8080' }] });
    expect(ns.SandboxKey).toBe(`/var/run/docker/netns/${ns.SandboxID.slice(0, 12)}`);
    expect(ns.IPAddress).toBe('172.17.0.2');
    expect(ns.Gateway).toBe('172.17.0.1');
    expect(ns.IPPrefixLen).toBe(16);
    expect(Object.keys(ns.Networks)).toEqual(['bridge']);
    expect(Object.keys(ns.Networks.bridge)).toEqual(ENDPOINT_SETTINGS_28);
    expect(ns.Networks.bridge.MacAddress).toBe(ns.MacAddress);
    expect(ns.Networks.bridge.DNSNames).toBeNull();
  });

  it('omits ExposedPorts for an image that exposes nothing, and empties Ports when stopped', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker run --name once alpine true');
    const [doc] = JSON.parse((await sh(lab, 'docker inspect once')).out);
    expect('ExposedPorts' in doc.Config).toBe(false);
    expect(doc.Config.Entrypoint).toBeNull();
    expect(doc.State.Status).toBe('exited');
    expect(doc.NetworkSettings.Ports).toEqual({});
    expect(doc.NetworkSettings.IPAddress).toBe('');
  });

  it('runs the -f templates of REFERENCE 5', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker run -d --name db training/postgres', 'docker run -d --name web --link db:db training/webapp');
    const f = async (t: string, name = 'web') => (await sh(lab, `docker inspect -f '${t}' ${name}`)).out;
    expect(await f('{{.NetworkSettings.IPAddress}}')).toBe('172.17.0.3\n');
    expect(await f('{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}')).toBe('172.17.0.3\n');
    expect(await f('{{ .HostConfig.Links }}')).toBe('[/db:/web/db]\n');
    expect(await f('{{ .HostConfig.Links }}', 'db')).toBe('[]\n');
    expect(await f('{{.Name}}')).toBe('/web\n');
    expect(await f('{{.NetworkSettings.Networks}}')).toMatch(/^map\[bridge:0xc[0-9a-f]+\]\n$/);
    expect(await f('{{.NetworkSettings.Networks.nosuch.IPAddress}}')).toBe('<no value>\n');
    expect(await f('{{range $p, $conf := .NetworkSettings.Ports}}{{$p}} {{end}}')).toBe('5000/tcp \n');
    expect((await sh(lab, "docker ps --no-trunc --format '{{.Names}}' -f name=db")).out).toBe('db,web/db\n');
  });

  it('reports template errors and missing objects as the CLI does', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker run -d --name web nginx');
    expect(await sh(lab, 'docker inspect nosuch')).toEqual({ out: '[]\n', err: 'Error: No such object: nosuch\n', code: 1 });
    expect(await sh(lab, 'docker container inspect nosuch')).toEqual({ out: '[]\n', err: 'Error: No such container: nosuch\n', code: 1 });
    const bad = await sh(lab, "docker inspect -f '{{.NetworkSettings.Networks.db-net.IPAddress}}' web");
    expect(bad.err).toBe("template parsing error: template: :1: bad character U+002D '-'\n");
    expect(bad.code).toBe(64);
    const both = await sh(lab, "docker inspect -f '{{.Name}}' web nosuch");
    expect(both).toEqual({ out: '/web\n', err: 'Error: No such object: nosuch\n', code: 1 });
  });

  it('describes a container on a user-defined network', async () => {
    const lab = createLab({ seed: 1 });
    const emulated = lab as unknown as EmulatedLab;
    createNetwork(emulated.ctx, 'node1', { name: 'mynet', driver: 'bridge' });
    const id = (await sh(lab, 'docker run -d --name app --network mynet --network-alias api alpine sleep 1d')).out.trim();
    const f = async (t: string) => (await sh(lab, `docker inspect -f '${t}' app`)).out;
    expect(await f('{{.NetworkSettings.IPAddress}}')).toBe('\n');
    expect(await f('{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}')).toBe('172.18.0.2\n');
    expect(await f('{{json .NetworkSettings.Networks.mynet.DNSNames}}')).toBe(`["app","api","${id.slice(0, 12)}"]\n`);
    expect(await f('{{json .NetworkSettings.Networks.mynet.Aliases}}')).toBe('["api"]\n');
    expect(await f('{{.HostConfig.NetworkMode}}')).toBe('mynet\n');
  });
});
