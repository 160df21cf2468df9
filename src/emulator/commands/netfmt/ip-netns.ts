/**
 * `ip netns` / `ip netns list` (iproute2 `ip/ipnetns.c` netns_list):
 * one name per line, in the order readdir() returns /run/netns, with
 * " (id: N)" when the namespace has a netnsid in the caller's namespace.
 * Docker keeps its namespaces in /var/run/docker/netns, so on a Docker host
 * this is empty unless someone linked them into /run/netns.
 */
export interface NetnsView {
  name: string;
  id?: number;
}

export function ipNetnsList(namespaces: readonly NetnsView[]): string {
  return namespaces.map((n) => (n.id === undefined ? `${n.name}\n` : `${n.name} (id: ${n.id})\n`)).join('');
}
