/**
 * The lab's fixed addressing plan. The LAN is 192.168.1.0/24 behind a home
 * router at .1; Docker hosts are node1 = .11, node2 = .12, …; the laptop is
 * .50. Because 192.168.1.0/24 is a route on every host, Docker's allocator
 * skips the 192.168.0.0/20 pool — as it does on real home networks.
 * The "internet" sits behind the router's WAN side (203.0.113.0/24,
 * TEST-NET-3) and answers for a few well-known names.
 */
export const LAN_SUBNET = '192.168.1.0/24';
export const LAN_PREFIX = 24;
export const LAN_GATEWAY = '192.168.1.1';
export const LAPTOP_IP = '192.168.1.50';
export const WAN_ROUTER_IP = '203.0.113.2';
export const WAN_ISP_IP = '203.0.113.1';

export function nodeIp(index: number): string {
  return `192.168.1.${10 + index}`;
}

/** The public names the simulated internet serves (A records). */
export const INTERNET_HOSTS: Record<string, string> = {
  'google.com': '142.250.185.78',
  'www.google.com': '142.250.185.100',
  'docker.com': '141.193.213.20',
  'www.docker.com': '141.193.213.21',
  'hub.docker.com': '44.219.3.189',
  'registry-1.docker.io': '54.227.20.253',
  'example.com': '93.184.215.14',
  'dns.google': '8.8.8.8',
  'one.one.one.one': '1.1.1.1',
};

/** Public resolvers that answer DNS on the simulated internet. */
export const PUBLIC_DNS = ['8.8.8.8', '8.8.4.4', '1.1.1.1'];

/** Latency of the LAN switch and of the path to the internet, one way, in ms. */
export const LAN_LATENCY_MS = 0.18;
export const WAN_LATENCY_MS = 8.5;
