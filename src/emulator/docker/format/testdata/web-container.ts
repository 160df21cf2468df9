/**
 * Test fixture: part of a 28.x `docker inspect web` value in the govalues model, with
 * NetworkSettings laid out as the 28.x Go types are (REFERENCE 1.10: embedded
 * NetworkSettingsBase and DefaultNetworkSettings, Networks of *EndpointSettings).
 * record-docker-cli.py serves marshal(webContainer()) from a fake daemon to the real CLI,
 * and golden-inspect.test.ts checks renderDockerTemplate against what the CLI printed.
 */
import {
  NIL_MAP,
  NIL_SLICE,
  goEmbed,
  goPointer,
  jsonTag,
  withGoType,
  withMapKeyType,
  withMapZero,
} from '../govalues';

function endpoint(o: {
  aliases: unknown;
  mac: string;
  networkId: string;
  endpointId: string;
  gateway: string;
  ip: string;
  dnsNames: unknown;
}): object {
  return goPointer(
    withGoType(
      {
        IPAMConfig: null,
        Links: NIL_SLICE,
        Aliases: o.aliases,
        MacAddress: o.mac,
        DriverOpts: NIL_MAP,
        GwPriority: 0,
        NetworkID: o.networkId,
        EndpointID: o.endpointId,
        Gateway: o.gateway,
        IPAddress: o.ip,
        IPPrefixLen: 16,
        IPv6Gateway: '',
        GlobalIPv6Address: '',
        GlobalIPv6PrefixLen: 0,
        DNSNames: o.dnsNames,
      },
      'network.EndpointSettings',
    ),
  );
}

const binding = (ip: string, port: string): object =>
  withGoType({ HostIP: jsonTag(ip, 'HostIp'), HostPort: port }, 'nat.PortBinding');

export function webContainer(): Record<string, unknown> {
  return {
    Id: 'aed84ee21bde1c7f4e2d8a3b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d',
    Name: '/web',
    Config: { Hostname: 'aed84ee21bde', Labels: new Map([['com.example.tier', 'front'], ['a-b', 'dash']]) },
    HostConfig: { Links: ['/db:/web/db'] },
    NetworkSettings: goPointer(
      withGoType(
        {
          NetworkSettingsBase: goEmbed({
            Bridge: '',
            SandboxID: '1371321805eaf646e5faa4f285af7890e9a9cdcd0c34445d9c44983fe73dd3e4',
            SandboxKey: '/var/run/docker/netns/1371321805ea',
            Ports: withGoType(
              withMapKeyType(
                withMapZero(
                  new Map<string, unknown>([
                    ['80/tcp', [binding('0.0.0.0', '8080'), binding('::', '8080')]],
                    ['443/tcp', NIL_SLICE],
                  ]),
                  NIL_SLICE,
                ),
                'nat.Port',
              ),
              'nat.PortMap',
            ),
            HairpinMode: false,
            LinkLocalIPv6Address: '',
            LinkLocalIPv6PrefixLen: 0,
            SecondaryIPAddresses: NIL_SLICE,
            SecondaryIPv6Addresses: NIL_SLICE,
          }),
          DefaultNetworkSettings: goEmbed({
            EndpointID: '03b6aafb7ca4d7e531e292901b43719c0e34cc7eef565b38a6bf84acf50f38cd',
            Gateway: '172.17.0.1',
            GlobalIPv6Address: '',
            GlobalIPv6PrefixLen: 0,
            IPAddress: '172.17.0.2',
            IPPrefixLen: 16,
            IPv6Gateway: '',
            MacAddress: '02:42:ac:11:00:02',
          }),
          Networks: new Map([
            [
              'bridge',
              endpoint({
                aliases: NIL_SLICE,
                mac: '02:42:ac:11:00:02',
                networkId: '17e324f459648a9baaea32b248d3884da102dde19396c25b30ec800068ce6b10',
                endpointId: '03b6aafb7ca4d7e531e292901b43719c0e34cc7eef565b38a6bf84acf50f38cd',
                gateway: '172.17.0.1',
                ip: '172.17.0.2',
                dnsNames: NIL_SLICE,
              }),
            ],
            [
              'db-net',
              endpoint({
                aliases: ['web', 'frontend'],
                mac: '36:0e:b6:e2:76:a3',
                networkId: 'd49b468b864d2f103ad81bebf0c71b8624cf5bcfc4754279ebd9053850cb473b',
                endpointId: '1d005a4486f6ceb41bf70f05c597a00132054c10f24d9c2b170c906f7ffa97c7',
                gateway: '172.18.0.1',
                ip: '172.18.0.3',
                dnsNames: ['web', 'aed84ee21bde'],
              }),
            ],
          ]),
        },
        'container.NetworkSettings',
      ),
    ),
  };
}
