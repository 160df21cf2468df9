/** Every row of REFERENCE section 5 ("Go-template behaviour of docker inspect -f"). */
import { describe, expect, it } from 'vitest';
import { NIL_SLICE, goPointer, goStringer, omitEmpty, withGoType } from '../govalues';
import { renderDockerTemplate } from './index';

const endpoint = (ip: string, gateway = '172.17.0.1') =>
  goPointer(
    withGoType(
      {
        IPAMConfig: null,
        Links: NIL_SLICE,
        Aliases: NIL_SLICE,
        MacAddress: '02:42:ac:11:00:02',
        NetworkID: 'n1',
        EndpointID: 'e1',
        Gateway: gateway,
        IPAddress: ip,
        IPPrefixLen: 16,
        IPv6Gateway: '',
        GlobalIPv6Address: '',
        GlobalIPv6PrefixLen: 0,
        DriverOpts: null,
        DNSNames: null,
      },
      'network.EndpointSettings',
    ),
  );

/** A ≤28 container: top-level IP fields exist (filled on the default bridge). */
function container28(networks: Map<string, unknown>, ip = '172.17.0.2') {
  return {
    Name: '/web',
    Config: { Hostname: 'aed84ee21bde', Labels: new Map([['x', 'value of x']]) },
    HostConfig: { Links: ['/db:/web/db'] },
    NetworkSettings: goPointer({
      SandboxID: 's',
      Ports: new Map([['80/tcp', [{ HostIp: '0.0.0.0', HostPort: '8080' }]]]),
      IPAddress: ip,
      Networks: networks,
    }),
  };
}

/** A 29+ container: NetworkSettings is only SandboxID, SandboxKey, Ports, Networks. */
function container29(networks: Map<string, unknown>) {
  return {
    Name: '/web',
    NetworkSettings: goPointer({ SandboxID: 's', SandboxKey: '/var/run/docker/netns/s', Ports: new Map(), Networks: networks }),
  };
}

const render = (t: string, data: unknown) => renderDockerTemplate(t, data);

describe('REFERENCE 5: docker inspect -f', () => {
  it('{{.NetworkSettings.IPAddress}} on the default bridge (≤28)', () => {
    expect(render('{{.NetworkSettings.IPAddress}}', container28(new Map([['bridge', endpoint('172.17.0.2')]])))).toEqual({
      ok: true,
      text: '172.17.0.2',
    });
  });

  it('{{.NetworkSettings.IPAddress}} on a user-defined network only (≤28) is empty', () => {
    const c = container28(new Map([['app', endpoint('172.18.0.2', '172.18.0.1')]]), '');
    expect(render('{{.NetworkSettings.IPAddress}}', c)).toEqual({ ok: true, text: '' });
  });

  it('{{.NetworkSettings.IPAddress}} on 29+ fails in both passes, column 18', () => {
    const c = container29(new Map([['bridge', endpoint('172.17.0.2')]]));
    expect(render('{{.NetworkSettings.IPAddress}}', c)).toEqual({
      ok: false,
      phase: 'execute',
      error:
        'template parsing error: template: :1:18: executing "" at <.NetworkSettings.IPAddress>: map has no entry for key "IPAddress"',
    });
  });

  it('with a leading space inside the braces the column is 19', () => {
    const c = container29(new Map());
    const r = render('{{ .NetworkSettings.IPAddress}}', c);
    expect(r.ok ? '' : r.error).toContain('template: :1:19: executing');
  });

  it('{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}} joins IPs in network-name order', () => {
    const c = container28(new Map([['bridge', endpoint('172.17.0.3')], ['app', endpoint('172.18.0.2')]]));
    expect(render('{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', c)).toEqual({
      ok: true,
      text: '172.18.0.2172.17.0.3',
    });
  });

  it('the same on --network none: empty (≤28), "invalid IP" (29+, zero netip.Addr)', () => {
    expect(render('{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', container28(new Map([['none', endpoint('')]])))).toEqual({
      ok: true,
      text: '',
    });
    const none29 = container29(new Map([['none', { IPAddress: goStringer('invalid IP', '', 'netip.Addr') }]]));
    expect(render('{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', none29)).toEqual({ ok: true, text: 'invalid IP' });
  });

  it('{{json .NetworkSettings.Networks}} is compact JSON in field order', () => {
    const c = container28(new Map([['bridge', endpoint('172.17.0.2')]]));
    expect(render('{{json .NetworkSettings.Networks}}', c)).toEqual({
      ok: true,
      text:
        '{"bridge":{"IPAMConfig":null,"Links":null,"Aliases":null,"MacAddress":"02:42:ac:11:00:02","NetworkID":"n1",' +
        '"EndpointID":"e1","Gateway":"172.17.0.1","IPAddress":"172.17.0.2","IPPrefixLen":16,"IPv6Gateway":"",' +
        '"GlobalIPv6Address":"","GlobalIPv6PrefixLen":0,"DriverOpts":null,"DNSNames":null}}',
    });
  });

  it('{{.NetworkSettings.Networks}} prints a map of pointers', () => {
    const c = container28(new Map([['bridge', endpoint('172.17.0.2')]]));
    expect(render('{{.NetworkSettings.Networks}}', c)).toEqual({ ok: true, text: 'map[bridge:0xc0004a2000]' });
  });

  it('{{.NetworkSettings.Networks.nosuch.IPAddress}} prints <no value>', () => {
    const c = container28(new Map([['bridge', endpoint('172.17.0.2')]]));
    expect(render('{{.NetworkSettings.Networks.nosuch.IPAddress}}', c)).toEqual({ ok: true, text: '<no value>' });
  });

  it('{{.NetworkSettings.Networks.db-net.IPAddress}} is a parse error; index works', () => {
    const c = container28(new Map([['db-net', endpoint('172.20.0.5')]]));
    expect(render('{{.NetworkSettings.Networks.db-net.IPAddress}}', c)).toEqual({
      ok: false,
      phase: 'parse',
      error: "template parsing error: template: :1: bad character U+002D '-'",
    });
    expect(render('{{index .NetworkSettings.Networks "db-net" "IPAddress"}}', c)).toEqual({ ok: true, text: '172.20.0.5' });
    expect(render('{{(index .NetworkSettings.Networks "db-net").IPAddress}}', c)).toEqual({ ok: true, text: '172.20.0.5' });
  });

  it('{{ .HostConfig.Links }} prints [a b], and [] without links', () => {
    const c = container28(new Map());
    expect(render('{{ .HostConfig.Links }}', c)).toEqual({ ok: true, text: '[/db:/web/db]' });
    expect(render('{{ .HostConfig.Links }}', { HostConfig: { Links: NIL_SLICE } })).toEqual({ ok: true, text: '[]' });
  });

  it('{{.Name}} keeps the leading slash; {{.Config.Hostname}} is the short ID', () => {
    const c = container28(new Map());
    expect(render('{{.Name}} {{.Config.Hostname}}', c)).toEqual({ ok: true, text: '/web aed84ee21bde' });
  });

  it('index on Labels: the value, "" when missing; a field lookup gives <no value>', () => {
    const c = container28(new Map());
    expect(render('{{index .Config.Labels "x"}}|{{index .Config.Labels "y"}}|{{.Config.Labels.y}}', c)).toEqual({
      ok: true,
      text: 'value of x||<no value>',
    });
  });

  it('the docs pattern over published ports', () => {
    const c = container28(new Map());
    const t = '{{range $p, $conf := .NetworkSettings.Ports}} {{$p}} -> {{(index $conf 0).HostPort}} {{end}}';
    expect(render(t, c)).toEqual({ ok: true, text: ' 80/tcp -> 8080 ' });
  });
});

describe('REFERENCE 5: docker network inspect -f', () => {
  const member = (name: string, ip: string) =>
    withGoType(
      { Name: name, EndpointID: '1a2b', MacAddress: '02:42:ac:13:00:02', IPv4Address: ip, IPv6Address: '' },
      'network.EndpointResource',
    );
  const net = {
    Name: 'app',
    Created: goStringer('2025-04-24 21:31:26.089247959 +0000 UTC', '2025-04-24T21:31:26.089247959Z', 'time.Time'),
    IPAM: {
      Driver: 'default',
      Options: new Map(),
      Config: [{ Subnet: '172.18.0.0/16', IPRange: omitEmpty(''), Gateway: omitEmpty('172.18.0.1') }],
    },
    Containers: new Map([
      ['f0c3', member('beta', '172.18.0.3/16')],
      ['8483', member('alpha', '172.18.0.2/16')],
    ]),
  };

  it('{{range .Containers}}{{.Name}} {{end}} is ordered by container ID', () => {
    expect(render('{{range .Containers}}{{.Name}} {{end}}', net)).toEqual({ ok: true, text: 'alpha beta ' });
  });

  it('{{.Containers}} prints struct values, an empty IPv6 leaving a trailing space', () => {
    expect(render('{{.Containers}}', net)).toEqual({
      ok: true,
      text: 'map[8483:{alpha 1a2b 02:42:ac:13:00:02 172.18.0.2/16 } f0c3:{beta 1a2b 02:42:ac:13:00:02 172.18.0.3/16 }]',
    });
  });

  it('{{(index .IPAM.Config 0).Subnet}} and {{range .IPAM.Config}}{{.Gateway}}{{end}}', () => {
    expect(render('{{(index .IPAM.Config 0).Subnet}}', net)).toEqual({ ok: true, text: '172.18.0.0/16' });
    expect(render('{{range .IPAM.Config}}{{.Gateway}}{{end}}', net)).toEqual({ ok: true, text: '172.18.0.1' });
  });

  it('an omitempty field still exists for templates but not in JSON', () => {
    expect(render('[{{(index .IPAM.Config 0).IPRange}}]{{json .IPAM.Config}}', net)).toEqual({
      ok: true,
      text: '[][{"Subnet":"172.18.0.0/16","Gateway":"172.18.0.1"}]',
    });
  });

  it('{{.Created}} of a network is a time.Time: Go format in templates, RFC 3339 in JSON', () => {
    expect(render('{{.Created}}|{{json .Created}}', net)).toEqual({
      ok: true,
      text: '2025-04-24 21:31:26.089247959 +0000 UTC|"2025-04-24T21:31:26.089247959Z"',
    });
  });
});
