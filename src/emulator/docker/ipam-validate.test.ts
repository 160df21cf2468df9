import { describe, expect, it } from 'vitest';
import { validateIpamFlags } from './ipam-validate';

describe('docker network create IPAM flags', () => {
  it('builds one config per subnet, in the order given', () => {
    const r = validateIpamFlags({
      subnet: ['10.10.0.0/16', '192.168.7.0/24'],
      ipRange: ['192.168.7.128/25'],
      gateway: ['10.10.0.254'],
      auxAddress: ['router=192.168.7.5', 'skip='],
    });
    expect(r).toEqual({
      ok: true,
      value: [
        { subnet: '10.10.0.0/16', ipRange: '', gateway: '10.10.0.254', auxAddresses: {} },
        { subnet: '192.168.7.0/24', ipRange: '192.168.7.128/25', gateway: '', auxAddresses: { router: '192.168.7.5' } },
      ],
    });
  });

  it('needs no flags at all (the daemon picks a pool)', () => {
    expect(validateIpamFlags({})).toEqual({ ok: true, value: [] });
  });

  it('prints an --ip-range as the masked network', () => {
    const r = validateIpamFlags({ subnet: ['172.20.0.0/16'], ipRange: ['172.20.5.9/24'] });
    expect(r.ok && r.value[0].ipRange).toBe('172.20.5.0/24');
  });

  it('accepts IPv6 subnets and gateways', () => {
    const r = validateIpamFlags({ subnet: ['2001:db8:1::/64'], gateway: ['2001:DB8:1::1'] });
    expect(r).toEqual({ ok: true, value: [{ subnet: '2001:db8:1::/64', ipRange: '', gateway: '2001:db8:1::1', auxAddresses: {} }] });
  });

  it('reports values pflag cannot read as flag errors', () => {
    expect(validateIpamFlags({ subnet: ['10.0.0.0/8'], ipRange: ['10.1.0.0'] })).toEqual({
      ok: false,
      flagError: true,
      error: 'invalid argument "10.1.0.0" for "--ip-range" flag: invalid string being converted to CIDR: 10.1.0.0',
    });
    expect(validateIpamFlags({ subnet: ['10.0.0.0/8'], gateway: ['10.0.0.1/8'] })).toEqual({
      ok: false,
      flagError: true,
      error: 'invalid argument "10.0.0.1/8" for "--gateway" flag: invalid string being converted to IP address: 10.0.0.1/8',
    });
  });

  it('reports combination errors as plain errors', () => {
    expect(validateIpamFlags({ subnet: ['10.0.0.0/8', 'bogus'] })).toEqual({
      ok: false,
      flagError: false,
      error: 'invalid subnet: invalid CIDR address: bogus',
    });
    expect(validateIpamFlags({ subnet: ['10.0.0.0/8'], auxAddress: ['db=nope'] })).toEqual({
      ok: false,
      flagError: false,
      error: 'ParseAddr("nope"): unable to parse IP',
    });
  });
});
