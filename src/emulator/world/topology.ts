/**
 * Builds the lab's world: a LAN switch with the home router (192.168.1.1),
 * the Docker hosts node1…nodeN and a laptop; behind the router's WAN port,
 * "the internet" — one namespace answering for a few public addresses.
 *
 *        internet (8.8.8.8, google.com …)
 *            │ 203.0.113.0/24
 *         gateway ── MASQUERADE ──┐
 *            │ 192.168.1.0/24 (LAN)
 *   ┌────────┼──────────┬─────────┐
 *  node1   node2 …    laptop
 */
import type { LabCtx } from './ctx';
import type { MachineKind, MachineState } from './state';
import { addAddress, createNamespace } from '../net/netns';
import { createSegment, plugNic } from '../net/links';
import { randomMac } from '../net/ipv4';
import { emptyFs, type FsState } from '../kernel/fs';
import {
  INTERNET_HOSTS, LAN_GATEWAY, LAN_LATENCY_MS, LAN_PREFIX, LAPTOP_IP, PUBLIC_DNS, WAN_ISP_IP, WAN_LATENCY_MS, WAN_ROUTER_IP, nodeIp,
} from './addresses';
import { emptyDocker, startDaemon } from '../docker/daemon';
import { fwGatewayMasquerade } from '../docker/fw';
import { hostFiles } from './host-files';

function addMachine(ctx: LabCtx, name: string, kind: MachineKind, fs: FsState, lanIp?: string): MachineState {
  const ns = createNamespace(ctx.state.net, name);
  const m: MachineState = { name, kind, rootNs: ns.id, fs, lanIp };
  ctx.state.machines[name] = m;
  return m;
}

export function buildWorld(ctx: LabCtx, hostCount: number): void {
  const net = ctx.state.net;
  const lan = createSegment(net, 'lan', LAN_LATENCY_MS);
  const wan = createSegment(net, 'wan', WAN_LATENCY_MS);
  const mac = () => randomMac(ctx.rng.hex(12));
  const nodeNames = Array.from({ length: hostCount }, (_, i) => `node${i + 1}`);

  const gw = ctx.ns(addMachine(ctx, 'gateway', 'router', emptyFs(), LAN_GATEWAY).rootNs);
  addAddress(gw, plugNic(net, gw, lan, 'eth0', mac()), { ip: LAN_GATEWAY, prefix: LAN_PREFIX });
  const wan0 = plugNic(net, gw, wan, 'wan0', mac());
  addAddress(gw, wan0, { ip: WAN_ROUTER_IP, prefix: 24 });
  gw.routes.push({ dst: 'default', via: WAN_ISP_IP, dev: wan0.id });
  gw.forwarding = true;
  gw.sockets.push({ proto: 'udp', ip: LAN_GATEWAY, port: 53, pid: 411, program: 'dnsmasq', service: { kind: 'dns', role: 'upstream' } });
  fwGatewayMasquerade(ctx, gw, 'wan0');

  const inet = ctx.ns(addMachine(ctx, 'internet', 'internet', emptyFs()).rootNs);
  inet.defaultTtl = 117; // replies look many routers away, as real ones do
  const isp = plugNic(net, inet, wan, 'eth0', mac());
  addAddress(inet, isp, { ip: WAN_ISP_IP, prefix: 24 });
  const publicIps = [...new Set([...Object.values(INTERNET_HOSTS), ...PUBLIC_DNS])];
  for (const ip of publicIps) addAddress(inet, isp, { ip, prefix: 32 }, false);
  inet.sockets.push({ proto: 'udp', ip: '0.0.0.0', port: 53, pid: 1, program: 'named', service: { kind: 'dns', role: 'upstream' } });
  inet.sockets.push({ proto: 'tcp', ip: '0.0.0.0', port: 80, pid: 1, program: 'nginx', service: { kind: 'http', site: 'internet' } });
  inet.sockets.push({ proto: 'tcp', ip: '0.0.0.0', port: 443, pid: 1, program: 'nginx', service: { kind: 'http', site: 'internet' } });

  const laptop = ctx.ns(addMachine(ctx, 'laptop', 'laptop', hostFiles('laptop', LAPTOP_IP, nodeNames), LAPTOP_IP).rootNs);
  const lapNic = plugNic(net, laptop, lan, 'eth0', mac());
  addAddress(laptop, lapNic, { ip: LAPTOP_IP, prefix: LAN_PREFIX });
  laptop.routes.push({ dst: 'default', via: LAN_GATEWAY, dev: lapNic.id, proto: 'dhcp', metric: 100 });
  laptop.sockets.push({ proto: 'tcp', ip: '0.0.0.0', port: 22, pid: 640, program: 'sshd', service: { kind: 'sshd' } });

  nodeNames.forEach((name, i) => {
    const ip = nodeIp(i + 1);
    const m = addMachine(ctx, name, 'docker-host', hostFiles(name, ip, nodeNames), ip);
    const ns = ctx.ns(m.rootNs);
    const nic = plugNic(net, ns, lan, 'eth0', mac());
    addAddress(ns, nic, { ip, prefix: LAN_PREFIX });
    ns.routes.push({ dst: 'default', via: LAN_GATEWAY, dev: nic.id });
    ns.forwarding = true;
    ns.sockets.push({ proto: 'tcp', ip: '0.0.0.0', port: 22, pid: 702, program: 'sshd', service: { kind: 'sshd' } });
    m.docker = emptyDocker();
    startDaemon(ctx, name);
  });
}
