/**
 * The docker network commands typed into a lab: Docker's user-defined bridge
 * tutorial (docs: engine/network/tutorials/standalone.md, second part), the
 * IPAM defaults and errors, rm and prune, inspect, connect and disconnect.
 */
import { describe, expect, it } from 'vitest';
import { createLab } from '../src/emulator/index';
import type { Lab } from '../src/emulator/api';
import { setup, sh } from './docker-helpers';

const HEX64 = /^[0-9a-f]{64}\n$/;

function answering(...answers: string[]) {
  return { readLine: async () => answers.shift() ?? null };
}

async function idOf(lab: Lab, what: 'container' | 'network', name: string): Promise<string> {
  return (await sh(lab, `docker ${what} inspect -f '{{.Id}}' ${name}`)).out.trim();
}

describe('tutorial: user-defined bridge networks', () => {
  it('creates alpine-net, lists and inspects it, connects alpine4 to both networks', async () => {
    const lab = createLab({ seed: 1 });
    const created = await sh(lab, 'docker network create --driver bridge alpine-net');
    expect(created).toMatchObject({ err: '', code: 0 });
    expect(created.out).toMatch(HEX64);

    const ls = (await sh(lab, 'docker network ls')).out.split('\n');
    expect(ls[0]).toBe('NETWORK ID     NAME         DRIVER    SCOPE');
    expect(ls.slice(1, 5).map((l) => l.replace(/^[0-9a-f]{12} {3}/, ''))).toEqual([
      'alpine-net   bridge    local',
      'bridge       bridge    local',
      'host         host      local',
      'none         null      local',
    ]);
    expect(ls[1].slice(0, 12)).toBe(created.out.slice(0, 12));

    await setup(
      lab,
      'docker run -dit --name alpine1 --network alpine-net alpine ash',
      'docker run -dit --name alpine2 --network alpine-net alpine ash',
      'docker run -dit --name alpine3 alpine ash',
      'docker run -dit --name alpine4 --network alpine-net alpine ash',
    );
    expect(await sh(lab, 'docker network connect bridge alpine4')).toEqual({ out: '', err: '', code: 0 });

    const bridge = JSON.parse((await sh(lab, 'docker network inspect bridge')).out)[0];
    const onBridge = Object.values(bridge.Containers as Record<string, { Name: string; IPv4Address: string }>);
    expect(onBridge.map((c) => `${c.Name} ${c.IPv4Address}`).sort()).toEqual(['alpine3 172.17.0.2/16', 'alpine4 172.17.0.3/16']);
    const net = JSON.parse((await sh(lab, 'docker network inspect alpine-net')).out)[0];
    expect(net.IPAM.Config).toEqual([{ Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' }]);
    const onNet = Object.values(net.Containers as Record<string, { Name: string; IPv4Address: string; IPv6Address: string }>);
    expect(onNet.map((c) => `${c.Name} ${c.IPv4Address}`).sort()).toEqual([
      'alpine1 172.18.0.2/16', 'alpine2 172.18.0.3/16', 'alpine4 172.18.0.4/16',
    ]);
    expect(onNet.every((c) => c.IPv6Address === '')).toBe(true);

    // Names resolve on the user-defined network only; alpine4 reaches both.
    expect((await sh(lab, 'docker exec alpine1 ping -c 1 alpine2')).code).toBe(0);
    expect(await sh(lab, 'docker exec alpine1 ping -c 1 alpine3')).toEqual({ out: '', err: "ping: bad address 'alpine3'\n", code: 1 });
    expect((await sh(lab, 'docker exec alpine4 ping -c 1 alpine1')).code).toBe(0);
    expect((await sh(lab, 'docker exec alpine4 ping -c 1 172.17.0.2')).code).toBe(0);
    expect((await sh(lab, 'docker exec alpine1 ping -c 1 -W 1 172.17.0.2')).out).toContain('100% packet loss');

    const names = await sh(lab, "docker network inspect -f '{{range .Containers}}{{.Name}} {{end}}' alpine-net");
    expect(names.out.trim().split(' ').sort()).toEqual(['alpine1', 'alpine2', 'alpine4']);

    expect(await sh(lab, 'docker network disconnect alpine-net alpine4')).toEqual({ out: '', err: '', code: 0 });
    expect((await sh(lab, 'docker exec alpine4 ip route')).out).toBe('default via 172.17.0.1 dev eth1 \n172.17.0.0/16 dev eth1 scope link  src 172.17.0.3 \n');
    expect((await sh(lab, 'docker exec alpine4 ping -c 1 alpine1')).code).toBe(1);

    await setup(lab, 'docker container stop alpine1 alpine2 alpine3 alpine4', 'docker container rm alpine1 alpine2 alpine3 alpine4');
    expect(await sh(lab, 'docker network rm alpine-net')).toEqual({ out: 'alpine-net\n', err: '', code: 0 });
    expect((await sh(lab, 'docker network ls -q')).out.split('\n').filter(Boolean)).toHaveLength(3);
  });
});

describe('docker network create', () => {
  it('takes 172.18.0.0/16, then 172.19.0.0/16, and refuses an overlapping --subnet', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker network create one', 'docker network create two');
    const subnets = await sh(lab, "docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' one two");
    expect(subnets).toEqual({ out: '172.18.0.0/16\n172.19.0.0/16\n', err: '', code: 0 });
    expect(await sh(lab, 'docker network create --subnet 172.19.128.0/17 three')).toEqual({
      out: '', err: 'Error response from daemon: Pool overlaps with other one on this address space\n', code: 1,
    });
    const fixed = await sh(lab, 'docker network create --subnet 10.10.0.0/24 --gateway 10.10.0.254 --ip-range 10.10.0.128/25 fixed');
    expect(fixed.out).toMatch(HEX64);
    const cfg = await sh(lab, "docker network inspect -f '{{json .IPAM.Config}}' fixed");
    expect(cfg.out).toBe('[{"Subnet":"10.10.0.0/24","IPRange":"10.10.0.128/25","Gateway":"10.10.0.254"}]\n');
    expect((await sh(lab, "docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' $(docker network create four)")).out).toBe('172.20.0.0/16\n');
  });

  it('prints the CLI-side IPAM errors: flag errors with usage (125), combinations as they are (1)', async () => {
    const lab = createLab({ seed: 1 });
    expect(await sh(lab, 'docker network create --ip-range 10.0.0.0 x')).toEqual({
      out: '',
      err: 'invalid argument "10.0.0.0" for "--ip-range" flag: invalid string being converted to CIDR: 10.0.0.0\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nRun \'docker network create --help\' for more information\n',
      code: 125,
    });
    expect(await sh(lab, 'docker network create --gateway 10.0.0.1 x')).toEqual({ out: '', err: 'every ip-range or gateway must have a corresponding subnet\n', code: 1 });
    expect(await sh(lab, 'docker network create --subnet 10.0.0.0/24 --gateway 10.0.1.1 x')).toEqual({ out: '', err: 'no matching subnet for gateway 10.0.1.1\n', code: 1 });
    expect(await sh(lab, 'docker network create --subnet 10.0.0.0/16 --subnet 10.0.1.0/24 x')).toEqual({ out: '', err: 'multiple overlapping subnet configuration is not supported\n', code: 1 });
    expect(await sh(lab, 'docker network create --subnet 10.1.2.3/24 x')).toEqual({
      out: '', err: 'Error response from daemon: invalid network config:\ninvalid subnet 10.1.2.3/24: it should be 10.1.2.0/24\n', code: 1,
    });
    expect((await sh(lab, 'docker network ls -q')).out.split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('refuses duplicate and predefined names, other drivers, and a missing name', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker network create mynet');
    expect(await sh(lab, 'docker network create mynet')).toEqual({ out: '', err: 'Error response from daemon: network with name mynet already exists\n', code: 1 });
    expect(await sh(lab, 'docker network create bridge')).toEqual({ out: '', err: 'Error response from daemon: operation is not permitted on predefined bridge network \n', code: 1 });
    expect((await sh(lab, 'docker network create -d overlay ov')).err).toBe(
      'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n');
    expect(await sh(lab, 'docker network create')).toEqual({
      out: '', err: "docker: 'docker network create' requires 1 argument\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nRun 'docker network create --help' for more information\n", code: 1,
    });
  });

  it('names the Linux bridge from -o com.docker.network.bridge.name and keeps labels', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker network create -o com.docker.network.bridge.name=mybr --label team=blue --internal lab');
    expect((await sh(lab, 'ip link show mybr')).out).toContain(': mybr: <');
    const doc = JSON.parse((await sh(lab, 'docker network inspect lab')).out)[0];
    expect(doc.Internal).toBe(true);
    expect(doc.Labels).toEqual({ team: 'blue' });
    expect(doc.Options['com.docker.network.bridge.name']).toBe('mybr');
    expect((await sh(lab, "docker network ls --filter label=team=blue --format '{{.Name}} {{.Internal}} {{.Labels}}'")).out).toBe('lab true team=blue\n');
  });
});

describe('docker network ls', () => {
  it('sorts names naturally and filters by driver, type, name and id', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker network create net10', 'docker network create net2', 'docker network create Net1');
    expect((await sh(lab, "docker network ls --format '{{.Name}}'")).out).toBe('Net1\nbridge\nhost\nnet2\nnet10\nnone\n');
    expect((await sh(lab, "docker network ls -f type=custom --format '{{.Name}}'")).out).toBe('Net1\nnet2\nnet10\n');
    expect((await sh(lab, "docker network ls -f type=builtin -f driver=bridge --format '{{.Name}}'")).out).toBe('bridge\n');
    expect((await sh(lab, "docker network ls -f name=^net --format '{{.Name}}'")).out).toBe('net2\nnet10\n');
    const id = await idOf(lab, 'network', 'net2');
    expect((await sh(lab, `docker network ls -q -f id=${id.slice(0, 6)}`)).out).toBe(id.slice(0, 12) + '\n');
    expect((await sh(lab, `docker network ls -q --no-trunc -f name=net2`)).out).toBe(id + '\n');
    expect(await sh(lab, 'docker network ls -f color=red')).toEqual({ out: '', err: "Error response from daemon: invalid filter 'color'\n", code: 1 });
    expect((await sh(lab, 'docker network ls -f red')).err).toMatch(/^invalid argument "red" for "-f, --filter" flag: bad format of filter \(expected name=value\)\n/);
    expect(await sh(lab, 'docker network ls -f type=mine')).toEqual({ out: '', err: "Error response from daemon: invalid filter: 'type'='mine'\n", code: 1 });
  });

  it('shows dangling networks and prints JSON rows with sorted keys', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker network create used', 'docker network create idle', 'docker run -dit --name c1 --network used alpine ash');
    expect((await sh(lab, "docker network ls -f dangling=true --format '{{.Name}}'")).out).toBe('idle\n');
    const row = JSON.parse((await sh(lab, 'docker network ls -f name=idle --format json')).out);
    expect(Object.keys(row)).toEqual(['CreatedAt', 'Driver', 'ID', 'IPv4', 'IPv6', 'Internal', 'Labels', 'Name', 'Scope']);
    expect(row.CreatedAt).toMatch(/^2026-01-12 09:00:\d\d\.\d+ \+0000 UTC$/);
  });
});

describe('docker network inspect', () => {
  it('prints Docker 28 fields in order, 4-space indented', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker network create mynet');
    const r = await sh(lab, 'docker network inspect mynet');
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(0, 3)).toEqual(['[', '    {', '        "Name": "mynet",']);
    const doc = JSON.parse(r.out)[0];
    expect(Object.keys(doc)).toEqual([
      'Name', 'Id', 'Created', 'Scope', 'Driver', 'EnableIPv4', 'EnableIPv6', 'IPAM', 'Internal', 'Attachable', 'Ingress',
      'ConfigFrom', 'ConfigOnly', 'Containers', 'Options', 'Labels',
    ]);
    expect(doc.IPAM).toEqual({ Driver: 'default', Options: {}, Config: [{ Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' }] });
    expect(doc.Created).toMatch(/^2026-01-12T09:00:\d\d\.\d{1,9}Z$/);
    expect(doc.ConfigFrom).toEqual({ Network: '' });
    expect(r.out).toContain('        "Containers": {},\n');
  });

  it('shows the default bridge options, and null IPAM config for host and none', async () => {
    const lab = createLab({ seed: 1 });
    const [bridge, host, none] = JSON.parse((await sh(lab, 'docker network inspect bridge host none')).out);
    expect(bridge.IPAM.Options).toBeNull();
    expect(bridge.Options).toEqual({
      'com.docker.network.bridge.default_bridge': 'true',
      'com.docker.network.bridge.enable_icc': 'true',
      'com.docker.network.bridge.enable_ip_masquerade': 'true',
      'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
      'com.docker.network.bridge.name': 'docker0',
      'com.docker.network.driver.mtu': '1500',
    });
    expect([host.Driver, host.IPAM.Config, none.Driver, none.IPAM.Config]).toEqual(['host', null, 'null', null]);
  });

  it('reports a missing network after the others, and handles templates', async () => {
    const lab = createLab({ seed: 1 });
    expect(await sh(lab, 'docker network inspect foo')).toEqual({ out: '[]\n', err: 'Error response from daemon: network foo not found\n', code: 1 });
    expect(await sh(lab, "docker network inspect -f '{{.Name}} {{.Driver}}' foo bridge")).toEqual({
      out: 'bridge bridge\n', err: 'Error response from daemon: network foo not found\n', code: 1,
    });
    expect(await sh(lab, "docker network inspect -f '{{.Name' bridge")).toEqual({ out: '', err: 'template parsing error: template: :1: unclosed action\n', code: 64 });
    expect((await sh(lab, "docker network inspect -f '{{.Created}}' bridge")).out).toMatch(/^2026-01-12 09:00:00\.\d+ \+0000 UTC\n$/);
    expect((await sh(lab, "docker network inspect -f '{{.Id}}' none")).out).toMatch(HEX64);
  });
});

describe('docker network rm and prune', () => {
  it('refuses predefined networks and networks with endpoints, and goes on with the others', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker network create mynet', 'docker network create other', 'docker run -dit --name web --network mynet alpine ash');
    const id = (await idOf(lab, 'container', 'web')).slice(0, 12);
    expect(await sh(lab, 'docker network rm bridge mynet nosuch other')).toEqual({
      out: 'other\n',
      err: 'Error response from daemon: bridge is a pre-defined network and cannot be removed\n' +
        `Error response from daemon: error while removing network: network mynet has active endpoints (name:"web" id:"${id}")\n` +
        'Error response from daemon: network nosuch not found\n',
      code: 1,
    });
    expect(await sh(lab, 'docker network rm -f nosuch')).toEqual({ out: '', err: '', code: 0 });
    await setup(lab, 'docker rm -f web');
    expect(await sh(lab, 'docker network remove mynet')).toEqual({ out: 'mynet\n', err: '', code: 0 });
  });

  it('asks before pruning: n keeps everything, y removes unused networks, -f does not ask', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker network create n1', 'docker network create n2', 'docker network create n3', 'docker run -dit --name c1 --network n1 alpine ash');
    const prompt = 'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ';
    expect(await sh(lab, 'docker network prune', answering('n'))).toEqual({ out: prompt, err: '', code: 0 });
    expect(await sh(lab, 'docker network prune', answering('yes'))).toEqual({ out: prompt, err: '', code: 0 });
    expect((await sh(lab, 'docker network ls -q')).out.split('\n').filter(Boolean)).toHaveLength(6);
    expect(await sh(lab, 'docker network prune', answering('y'))).toEqual({ out: `${prompt}Deleted Networks:\nn2\nn3\n\n`, err: '', code: 0 });
    expect(await sh(lab, 'docker network prune -f')).toEqual({ out: '', err: '', code: 0 });
    await setup(lab, 'docker network create --label keep=yes k1', 'docker network create k2');
    expect(await sh(lab, 'docker network prune -f --filter label!=keep')).toEqual({ out: 'Deleted Networks:\nk2\n\n', err: '', code: 0 });
    expect(await sh(lab, 'docker network prune -f --filter until=10x')).toEqual({
      out: '', err: 'Error response from daemon: failed to parse value as time or duration: "10x"\n', code: 1,
    });
  });
});

describe('docker network connect and disconnect', () => {
  it('refuses host, none and shared-namespace combinations with the daemon texts', async () => {
    const lab = createLab({ seed: 1 });
    await setup(
      lab,
      'docker network create mynet',
      'docker run -dit --name web alpine ash',
      'docker run -dit --name hostc --network host alpine ash',
      'docker run -dit --name nonec --network none alpine ash',
      'docker run -dit --name side --network container:web alpine ash',
    );
    const daemon = (msg: string) => ({ out: '', err: `Error response from daemon: ${msg}\n`, code: 1 });
    expect(await sh(lab, 'docker network connect host web')).toEqual(daemon('cannot connect container to host network - container must be created in host network mode'));
    expect(await sh(lab, 'docker network connect mynet hostc')).toEqual(daemon('container sharing network namespace with another container or host cannot be connected to any other network'));
    expect(await sh(lab, 'docker network connect mynet side')).toEqual(daemon('container sharing network namespace with another container or host cannot be connected to any other network'));
    expect(await sh(lab, 'docker network connect mynet nonec')).toEqual(daemon('container cannot be connected to multiple networks with one of the networks in private (none) mode'));
    expect(await sh(lab, 'docker network connect none web')).toEqual(daemon('container cannot be connected to multiple networks with one of the networks in private (none) mode'));
    expect(await sh(lab, 'docker network connect nonet web')).toEqual(daemon('network nonet not found'));
    expect(await sh(lab, 'docker network connect mynet ghost')).toEqual(daemon('No such container: ghost'));
    expect(await sh(lab, 'docker network connect bridge web')).toEqual(daemon('endpoint with name web already exists in network bridge'));
    const id = await idOf(lab, 'container', 'web');
    expect(await sh(lab, 'docker network disconnect mynet web')).toEqual(daemon(`container ${id} is not connected to network mynet`));
    expect(await sh(lab, 'docker network disconnect bridge ghost')).toEqual(daemon('No such container: ghost'));
  });

  it('checks --ip and --alias as the daemon does and uses them', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker network create auto', 'docker network create --subnet 10.5.0.0/16 --ip-range 10.5.1.0/24 fixed', 'docker run -dit --name web alpine ash', 'docker run -dit --name peer --network fixed alpine ash');
    const invalid = (why: string) => ({ out: '', err: `Error response from daemon: invalid endpoint settings:\n${why}\n`, code: 1 });
    expect(await sh(lab, 'docker network connect --ip 172.18.0.9 auto web')).toEqual(invalid('user specified IP address is supported only when connecting to networks with user configured subnets'));
    expect(await sh(lab, 'docker network connect --ip 10.5.2.9 fixed web')).toEqual(invalid('no configured subnet or ip-range contain the IP address 10.5.2.9'));
    expect(await sh(lab, 'docker network connect --alias www bridge peer')).toEqual(invalid('network-scoped aliases are only supported for user-defined networks'));
    expect((await sh(lab, 'docker network connect --ip nope fixed web')).err).toMatch(/^invalid argument "nope" for "--ip" flag: invalid string being converted to IP address: nope\n\nUsage:/);
    expect(await sh(lab, 'docker network connect --ip 10.5.1.77 --alias www fixed web')).toEqual({ out: '', err: '', code: 0 });
    expect((await sh(lab, 'docker exec web ip addr show eth1')).out).toContain('inet 10.5.1.77/16 ');
    expect((await sh(lab, 'docker exec peer ping -c 1 www')).out).toContain('PING www (10.5.1.77)');
  });

  it('records a stopped container and joins the network when it starts', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker network create --subnet 10.9.0.0/24 fixed', 'docker create --name box alpine sleep 1000');
    expect(await sh(lab, 'docker network connect --ip 10.9.0.77 fixed box')).toEqual({ out: '', err: '', code: 0 });
    expect(await sh(lab, 'docker network connect fixed box')).toEqual({ out: '', err: '', code: 0 });
    expect((await sh(lab, "docker network inspect -f '{{len .Containers}}' fixed")).out).toBe('0\n');
    await setup(lab, 'docker start box');
    expect((await sh(lab, "docker network inspect -f '{{range .Containers}}{{.Name}} {{.IPv4Address}}{{end}}' fixed")).out).toBe('box 10.9.0.77/24\n');
    await setup(lab, 'docker stop box');
    const id = await idOf(lab, 'container', 'box');
    expect(await sh(lab, 'docker network disconnect fixed box')).toEqual({ out: '', err: '', code: 0 });
    expect(await sh(lab, 'docker network disconnect fixed box')).toEqual({
      out: '', err: `Error response from daemon: container ${id} is not connected to the network fixed\n`, code: 1,
    });
  });

  it('moves published ports to the next endpoint when their network is disconnected', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker network create mynet', 'docker run -d --name web -p 8080:80 nginx', 'docker network connect mynet web');
    expect(await sh(lab, 'docker network disconnect bridge web')).toEqual({ out: '', err: '', code: 0 });
    expect((await sh(lab, "docker ps --format '{{.Ports}} {{.Networks}}'")).out).toBe('0.0.0.0:8080->80/tcp, [::]:8080->80/tcp mynet\n');
    expect((await sh(lab, "curl -s -o /dev/null -w '%{http_code}\\n' localhost:8080")).out).toBe('200\n');
    await setup(lab, 'docker network disconnect mynet web');
    expect((await sh(lab, "docker ps --format '[{{.Ports}}]'")).out).toBe('[]\n');
    await setup(lab, 'docker network connect bridge web');
    expect((await sh(lab, "docker ps --format '{{.Ports}}'")).out).toBe('0.0.0.0:8080->80/tcp, [::]:8080->80/tcp\n');
    expect((await sh(lab, "curl -s -o /dev/null -w '%{http_code}\\n' localhost:8080")).out).toBe('200\n');
  });
});

describe('docker info and docker version', () => {
  it('lists the network plugins and the server facts', async () => {
    const lab = createLab({ seed: 1 });
    expect(await sh(lab, 'docker info | grep Network')).toEqual({ out: '  Network: bridge host ipvlan macvlan null overlay\n', err: '', code: 0 });
    await setup(lab, 'docker run -dit --name c1 alpine ash', 'docker create --name c2 alpine');
    const info = (await sh(lab, 'docker info')).out;
    expect(info.startsWith('Client: Docker Engine - Community\n Version:    28.2.2\n Context:    default\n Debug Mode: false\n Plugins:\n')).toBe(true);
    expect(info).toContain('\nServer:\n Containers: 2\n  Running: 1\n  Paused: 0\n  Stopped: 1\n Images: 1\n Server Version: 28.2.2\n Storage Driver: overlay2\n');
    expect(info).toContain('\n Total Memory: 23.43GiB\n Name: node1\n ID: ');
    expect(info).toContain('\n Insecure Registries:\n  ::1/128\n  127.0.0.0/8\n Live Restore Enabled: false\n');
    expect(info).not.toContain('Default Address Pools');
    expect(info.endsWith('\n\n')).toBe(true);
    expect(await sh(lab, "docker system info -f '{{.Name}} {{.ContainersRunning}} {{.Swarm.LocalNodeState}} {{json .Plugins.Network}}'")).toEqual({
      out: 'node1 1 inactive ["bridge","host","ipvlan","macvlan","null","overlay"]\n', err: '', code: 0,
    });
  });

  it('shows the default address pools daemon.json sets', async () => {
    const lab = createLab({ seed: 1 });
    expect(lab.writeFile({ host: 'node1' }, '/etc/docker/daemon.json', '{"default-address-pools":[{"base":"10.10.0.0/16","size":24}]}\n')).toBeUndefined();
    await setup(lab, 'systemctl restart docker');
    expect((await sh(lab, 'docker info')).out).toContain('\n Live Restore Enabled: false\n Default Address Pools:\n   Base: 10.10.0.0/16, Size: 24\n');
    await setup(lab, 'docker network create pooled');
    expect((await sh(lab, "docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' pooled")).out).toBe('10.10.1.0/24\n');
  });

  it('gives new containers the DNS settings of daemon.json unless they set their own', async () => {
    const lab = createLab({ seed: 1 });
    expect(lab.writeFile({ host: 'node1' }, '/etc/docker/daemon.json', '{"dns":["1.1.1.1"],"dns-search":["corp.example"],"dns-opts":["ndots:2"]}\n')).toBeUndefined();
    await setup(lab, 'systemctl restart docker');
    await setup(lab, 'docker run -dit --name viad alpine');
    await setup(lab, 'docker run -dit --name own --dns 9.9.9.9 alpine');
    expect((await sh(lab, 'docker exec viad cat /etc/resolv.conf')).out).toMatch(/nameserver 1\.1\.1\.1\nsearch corp\.example\noptions ndots:2\n/);
    const own = (await sh(lab, 'docker exec own cat /etc/resolv.conf')).out;
    expect(own).toContain('nameserver 9.9.9.9');
    expect(own).not.toContain('1.1.1.1');
  });

  it('prints the version table and templates', async () => {
    const lab = createLab({ seed: 1 });
    const v = await sh(lab, 'docker version');
    expect(v.code).toBe(0);
    expect(v.out.split('\n').slice(0, 12)).toEqual([
      'Client: Docker Engine - Community',
      ' Version:           28.2.2',
      ' API version:       1.50',
      ' Go version:        go1.24.3',
      ' Git commit:        e6534b4',
      ' Built:             Fri May 30 12:07:35 2025',
      ' OS/Arch:           linux/amd64',
      ' Context:           default',
      '',
      'Server: Docker Engine - Community',
      ' Engine:',
      '  Version:          28.2.2',
    ]);
    expect(v.out).toContain('\n  API version:      1.50 (minimum version 1.24)\n');
    expect(v.out).toContain('\n runc:\n  Version:          1.2.5\n  GitCommit:        v1.2.5-0-g59923ef\n');
    expect(await sh(lab, "docker version --format '{{.Server.Version}} {{.Client.APIVersion}}'")).toEqual({ out: '28.2.2 1.50\n', err: '', code: 0 });
    await setup(lab, 'systemctl stop docker');
    const down = await sh(lab, 'docker version');
    expect(down.out.endsWith(' Context:           default\n')).toBe(true);
    expect(down.err).toBe('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n');
    expect(down.code).toBe(1);
  });
});

describe('determinism', () => {
  it('gives byte-identical transcripts for the same seed and commands', async () => {
    const script = [
      'docker network create a', 'docker network create --subnet 10.1.0.0/24 b', 'docker run -dit --name xx --network a alpine ash',
      'docker network connect b xx', 'docker network inspect a b', 'docker network ls --no-trunc', 'docker info',
    ];
    const transcript = async () => {
      const lab = createLab({ seed: 7 });
      let all = '';
      for (const line of script) {
        const r = await sh(lab, line);
        all += `$ ${line}\n${r.out}${r.err}[${r.code}]\n`;
      }
      return all;
    };
    const first = await transcript();
    expect(first).toContain('"Name": "xx"');
    expect(await transcript()).toBe(first);
  });
});
