/**
 * Pure formatters for the network tools run inside containers and on hosts:
 * the network model supplies plain views, these return the exact text the
 * real tools print (BusyBox in alpine images, iproute2/iputils/net-tools/
 * bind9/curl in debian images and on the host). No state, no I/O, no clock.
 */
export * from './types';
export { ljust, rjust, cG, httpDate, strftimeWhen, ctime } from './text';
export { linkDisplayName, linkFlags, linkOperState, linkQdisc, linkHeaderLine } from './link-header';
export { ipAddr, ipLink, addrLines, ipDeviceNotFound, type IpAddrOptions } from './ip-addr';
export { ipBriefAddr, ipBriefLink } from './ip-brief';
export { ipRoute } from './ip-route';
export { ipNeigh } from './ip-neigh';
export { ipNetnsList, type NetnsView } from './ip-netns';
export { brctlShow, bridgeId, type BridgeView } from './brctl';
export { bridgeLink, type BridgePortView, type BridgePortState } from './bridge-link';
export { bridgeFdb, type FdbView } from './bridge-fdb';
export * from './ping';
export * from './traceroute';
export * from './dns-message';
export * from './nslookup';
export * from './dig';
export * from './drill';
export * from './netstat';
export { routeN, netstatRoutes } from './route-table';
export * from './arp';
export { ss, type SsOptions } from './ss';
export { strerror, type SocketErrno, type Libc } from './errno';
export * from './http-content';
export * from './curl';
export * from './wget';
export * from './nc';
