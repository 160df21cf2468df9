/**
 * Docker Engine 28.x's iptables programming, as pure operations on a
 * namespace's NetfilterState: the daemon's chains, bridge networks,
 * endpoints, published ports and the embedded DNS rules of a container.
 */
export type { DockerFirewallOptions, FirewallResult } from './fw';
export {
  setupDaemonChains, filterForwardDrop, DOCKER_BRIDGE, DOCKER_CHAIN, DOCKER_CT, DOCKER_FORWARD, DOCKER_USER, ISOLATION_1, ISOLATION_2,
} from './daemon';
export { addBridgeNetwork, removeBridgeNetwork, type BridgeNetworkSpec } from './network';
export { addEndpoint, removeEndpoint } from './endpoint';
export { addPortMapping, removePortMapping, type PortMappingSpec, type PortMappingResult, type PortRemovalSpec, type ProxyListener } from './ports';
export { setupEmbeddedDns, DNS_OUTPUT_CHAIN, DNS_POSTROUTING_CHAIN, RESOLVER_IP, type EmbeddedDnsSpec } from './dns';
