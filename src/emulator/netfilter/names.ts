/**
 * Names iptables looks up while parsing and listing: services
 * (getservbyport/getservbyname over Debian 12's /etc/services from netbase
 * 6.4, tcp and udp entries only), protocols (libxtables
 * xtables_chain_protos, then /etc/protocols) and ICMP types
 * (extensions/libxt_icmp.h). Without `-n`, `iptables -L` shows
 * `dpt:http-alt` for 8080 and `spt:domain` for 53 because of this table.
 */

/** name:port:protocols(t=tcp,u=udp)[:alias,alias] — in file order, so the first name for a port wins. */
const SERVICES =
  'tcpmux:1:t echo:7:tu discard:9:tu:sink,null systat:11:t:users daytime:13:tu netstat:15:t qotd:17:t:quote ' +
  'chargen:19:tu:ttytst,source ftp-data:20:t ftp:21:t fsp:21:u:fspd ssh:22:t telnet:23:t smtp:25:t:mail ' +
  'time:37:tu:timserver whois:43:t:nicname tacacs:49:tu domain:53:tu bootps:67:u bootpc:68:u tftp:69:u ' +
  'gopher:70:t finger:79:t http:80:t:www kerberos:88:tu:kerberos5,krb5,kerberos-sec iso-tsap:102:t:tsap ' +
  'acr-nema:104:t:dicom pop3:110:t:pop-3 sunrpc:111:tu:portmapper auth:113:t:authentication,tap,ident ' +
  'nntp:119:t:readnews,untp ntp:123:u epmap:135:t:loc-srv netbios-ns:137:u netbios-dgm:138:u netbios-ssn:139:t ' +
  'imap2:143:t:imap snmp:161:tu snmp-trap:162:tu:snmptrap cmip-man:163:tu cmip-agent:164:tu mailq:174:t ' +
  'xdmcp:177:u bgp:179:t smux:199:t qmtp:209:t z3950:210:t:wais ipx:213:u ptp-event:319:u ptp-general:320:u ' +
  'pawserv:345:t zserv:346:t rpc2portmap:369:tu codaauth2:370:tu clearcase:371:u:Clearcase ldap:389:tu ' +
  'svrloc:427:tu https:443:tu snpp:444:t microsoft-ds:445:t kpasswd:464:tu submissions:465:t:ssmtp,smtps,urd ' +
  'saft:487:t isakmp:500:u rtsp:554:tu nqs:607:t asf-rmcp:623:u qmqp:628:t ipp:631:t ldp:646:tu exec:512:t ' +
  'biff:512:u:comsat login:513:t who:513:u:whod shell:514:t:cmd,syslog syslog:514:u printer:515:t:spooler ' +
  'talk:517:u ntalk:518:u route:520:u:router,routed gdomap:538:tu uucp:540:t:uucpd klogin:543:t ' +
  'kshell:544:t:krcmd dhcpv6-client:546:u dhcpv6-server:547:u afpovertcp:548:t nntps:563:t:snntp ' +
  'submission:587:t ldaps:636:tu tinc:655:tu silc:706:t kerberos-adm:749:t domain-s:853:tu rsync:873:t ' +
  'ftps-data:989:t ftps:990:t telnets:992:t imaps:993:t pop3s:995:t socks:1080:t proofd:1093:t rootd:1094:t ' +
  'openvpn:1194:tu rmiregistry:1099:t lotusnote:1352:t:lotusnotes ms-sql-s:1433:t ms-sql-m:1434:u ' +
  'ingreslock:1524:t datametrics:1645:tu:old-radius sa-msg-port:1646:tu:old-radacct kermit:1649:t ' +
  'groupwise:1677:t l2f:1701:u:l2tp radius:1812:tu radius-acct:1813:tu:radacct cisco-sccp:2000:t nfs:2049:tu ' +
  'gnunet:2086:tu rtcm-sc104:2101:tu gsigatekeeper:2119:t gris:2135:t cvspserver:2401:t venus:2430:tu ' +
  'venus-se:2431:tu codasrv:2432:tu codasrv-se:2433:tu mon:2583:tu dict:2628:t f5-globalsite:2792:t ' +
  'gsiftp:2811:t gpsd:2947:t gds-db:3050:t:gds_db icpv2:3130:u:icp isns:3205:tu iscsi-target:3260:t ' +
  'mysql:3306:t ms-wbt-server:3389:t nut:3493:tu distcc:3632:t daap:3689:t svn:3690:t:subversion suucp:4031:t ' +
  'sysrqd:4094:t sieve:4190:t epmd:4369:t remctl:4373:t f5-iquery:4353:t ntske:4460:t ipsec-nat-t:4500:u ' +
  'iax:4569:u mtn:4691:t radmin-port:4899:t sip:5060:tu sip-tls:5061:tu xmpp-client:5222:t:jabber-client ' +
  'xmpp-server:5269:t:jabber-server cfengine:5308:t mdns:5353:u postgresql:5432:t:postgres freeciv:5556:t:rptp ' +
  'amqps:5671:t amqp:5672:t x11:6000:t:x11-0 x11-1:6001:t x11-2:6002:t x11-3:6003:t x11-4:6004:t x11-5:6005:t ' +
  'x11-6:6006:t x11-7:6007:t gnutella-svc:6346:tu gnutella-rtr:6347:tu redis:6379:t ' +
  'sge-qmaster:6444:t:sge_qmaster sge-execd:6445:t:sge_execd mysql-proxy:6446:t babel:6696:u ircs-u:6697:t ' +
  'bbs:7000:t afs3-fileserver:7000:u afs3-callback:7001:u afs3-prserver:7002:u afs3-vlserver:7003:u ' +
  'afs3-kaserver:7004:u afs3-volser:7005:u afs3-bos:7007:u afs3-update:7008:u afs3-rmtsys:7009:u ' +
  'font-service:7100:t:xfs http-alt:8080:t:webcache puppet:8140:t bacula-dir:9101:t bacula-fd:9102:t ' +
  'bacula-sd:9103:t xmms2:9667:t nbd:10809:t zabbix-agent:10050:t zabbix-trapper:10051:t amanda:10080:t ' +
  'dicom:11112:t hkp:11371:t db-lsp:17500:t dcap:22125:t gsidcap:22128:t wnn6:22273:t ' +
  'kerberos4:750:ut:kerberos-iv,kdc kerberos-master:751:u:kerberos_master kerberos-master:751:t ' +
  'passwd-server:752:u:passwd_server krb-prop:754:t:krb_prop,krb5_prop,hprop zephyr-srv:2102:u ' +
  'zephyr-clt:2103:u zephyr-hm:2104:u iprop:2121:t supfilesrv:871:t supfiledbg:1127:t poppassd:106:t ' +
  'moira-db:775:t:moira_db moira-update:777:t:moira_update moira-ureg:779:u:moira_ureg spamd:783:t ' +
  'skkserv:1178:t predict:1210:u rmtcfg:1236:t xtel:1313:t xtelw:1314:t zebrasrv:2600:t zebra:2601:t ' +
  'ripd:2602:t ripngd:2603:t ospfd:2604:t bgpd:2605:t ospf6d:2606:t ospfapi:2607:t isisd:2608:t fax:4557:t ' +
  'hylafax:4559:t munin:4949:t:lrrd rplay:5555:u nrpe:5666:t nsca:5667:t canna:5680:t syslog-tls:6514:t ' +
  'sane-port:6566:t:sane,saned ircd:6667:t zope-ftp:8021:t tproxy:8081:t omniorb:8088:t clc-build-daemon:8990:t ' +
  'xinetd:9098:t git:9418:t zope:9673:t webmin:10000:t kamanda:10081:t amandaidx:10082:t amidxtape:10083:t ' +
  'sgi-cmsd:17001:u sgi-crsd:17002:u sgi-gcd:17003:u sgi-cad:17004:t binkp:24554:t asp:27374:tu csync2:30865:t ' +
  'dircproxy:57000:t tfido:60177:t fido:60179:t';

interface Service {
  name: string;
  port: number;
  protos: string;
  aliases: string[];
}

const SERVICE_LIST: Service[] = SERVICES.split(' ').map((e) => {
  const [name, port, protos, aliases] = e.split(':');
  return { name, port: Number(port), protos, aliases: aliases ? aliases.split(',') : [] };
});

function protoLetter(proto: string): string | undefined {
  return proto === 'tcp' ? 't' : proto === 'udp' ? 'u' : undefined;
}

/** getservbyport(port, proto)->s_name: the first entry for that port and protocol. */
export function serviceName(port: number, proto: 'tcp' | 'udp'): string | undefined {
  const l = protoLetter(proto);
  return SERVICE_LIST.find((s) => s.port === port && l !== undefined && s.protos.includes(l))?.name;
}

/** getservbyname(name, proto): by name or alias; `proto` undefined means any protocol. */
export function servicePort(name: string, proto?: string): number | undefined {
  const l = proto === undefined ? undefined : protoLetter(proto);
  if (proto !== undefined && l === undefined) return undefined;
  const hit = SERVICE_LIST.find((s) => (s.name === name || s.aliases.includes(name)) && (l === undefined || s.protos.includes(l)));
  return hit?.port;
}

/** libxtables xtables_chain_protos: tried before /etc/protocols. */
const CHAIN_PROTOS: ReadonlyArray<[string, number]> = [
  ['tcp', 6], ['sctp', 132], ['udp', 17], ['udplite', 136], ['icmp', 1], ['icmpv6', 58], ['esp', 50], ['ah', 51], ['mh', 135], ['all', 0],
];

/** /etc/protocols (netbase 6.4), first name per number. */
const ETC_PROTOCOLS =
  'ip:0 hopopt:0 icmp:1 igmp:2 ggp:3 ipencap:4 st:5 tcp:6 egp:8 igp:9 pup:12 udp:17 hmp:20 xns-idp:22 rdp:27 iso-tp4:29 ' +
  'dccp:33 xtp:36 ddp:37 idpr-cmtp:38 ipv6:41 ipv6-route:43 ipv6-frag:44 idrp:45 rsvp:46 gre:47 esp:50 ah:51 skip:57 ' +
  'ipv6-icmp:58 ipv6-nonxt:59 ipv6-opts:60 rspf:73 vmtp:81 eigrp:88 ospf:89 ax.25:93 ipip:94 etherip:97 encap:98 pim:103 ' +
  'ipcomp:108 vrrp:112 l2tp:115 isis:124 sctp:132 fc:133 mobility-header:135 udplite:136 mpls-in-ip:137 manet:138 hip:139 ' +
  'shim6:140 wesp:141 rohc:142 ethernet:143';

const PROTOCOL_LIST: ReadonlyArray<[string, number]> = ETC_PROTOCOLS.split(' ').map((e) => {
  const [n, p] = e.split(':');
  return [n, Number(p)] as [string, number];
});

/** xtables_parse_protocol without the numeric case: a name to its number. */
export function protocolNumber(name: string): number | undefined {
  return (CHAIN_PROTOS.find(([n]) => n === name) ?? PROTOCOL_LIST.find(([n]) => n === name))?.[1];
}

/** proto_to_name(): `all` for 0, chain protos first, then /etc/protocols. */
export function protocolName(num: number): string | undefined {
  return (CHAIN_PROTOS.find(([, p]) => p === num) ?? PROTOCOL_LIST.find(([, p]) => p === num))?.[0];
}

export interface IcmpName {
  name: string;
  type: number;
  codeMin: number;
  codeMax: number;
}

/** extensions/libxt_icmp.h icmp_codes[], in table order (prefix matching depends on it). */
export const ICMP_NAMES: readonly IcmpName[] = (
  [
    ['any', 255, 0, 255], ['echo-reply', 0, 0, 255], ['pong', 0, 0, 255], ['destination-unreachable', 3, 0, 255],
    ['network-unreachable', 3, 0, 0], ['host-unreachable', 3, 1, 1], ['protocol-unreachable', 3, 2, 2],
    ['port-unreachable', 3, 3, 3], ['fragmentation-needed', 3, 4, 4], ['source-route-failed', 3, 5, 5],
    ['network-unknown', 3, 6, 6], ['host-unknown', 3, 7, 7], ['network-prohibited', 3, 9, 9], ['host-prohibited', 3, 10, 10],
    ['TOS-network-unreachable', 3, 11, 11], ['TOS-host-unreachable', 3, 12, 12], ['communication-prohibited', 3, 13, 13],
    ['host-precedence-violation', 3, 14, 14], ['precedence-cutoff', 3, 15, 15], ['source-quench', 4, 0, 255],
    ['redirect', 5, 0, 255], ['network-redirect', 5, 0, 0], ['host-redirect', 5, 1, 1], ['TOS-network-redirect', 5, 2, 2],
    ['TOS-host-redirect', 5, 3, 3], ['echo-request', 8, 0, 255], ['ping', 8, 0, 255], ['router-advertisement', 9, 0, 255],
    ['router-solicitation', 10, 0, 255], ['time-exceeded', 11, 0, 255], ['ttl-exceeded', 11, 0, 255],
    ['ttl-zero-during-transit', 11, 0, 0], ['ttl-zero-during-reassembly', 11, 1, 1], ['parameter-problem', 12, 0, 255],
    ['ip-header-bad', 12, 0, 0], ['required-option-missing', 12, 1, 1], ['timestamp-request', 13, 0, 255],
    ['timestamp-reply', 14, 0, 255], ['address-mask-request', 17, 0, 255], ['address-mask-reply', 18, 0, 255],
  ] as const
).map(([name, type, codeMin, codeMax]) => ({ name, type, codeMin, codeMax }));

/** The ICMP type numbers of the packet model's `icmpType` strings. */
export const PACKET_ICMP_TYPES: Readonly<Record<string, number>> = {
  'echo-reply': 0,
  'dest-unreach': 3,
  'echo-request': 8,
  'time-exceeded': 11,
};
