/** The MARK target: parsing as libxt_MARK does, -S and -L forms, and the mark a packet leaves a chain with. */
import { describe, expect, it } from 'vitest';
import type { Packet } from '../../net/packet';
import { emptyNetfilter } from '../state';
import { runIptables } from '../iptables';
import { evaluate } from '../evaluate';

const ipt = (nf: ReturnType<typeof emptyNetfilter>, line: string) => runIptables(line.split(' '), nf);

describe('MARK', () => {
  it('normalises every option to --set-xmark, prints the short form with -L', () => {
    const nf = emptyNetfilter();
    for (const o of ['--set-mark 256', '--set-mark 0x10/0xff', '--or-mark 4', '--and-mark 0xf0', '--xor-mark 3', '--set-xmark 5/0xf']) {
      expect(ipt(nf, `-t mangle -A INPUT -j MARK ${o}`).status).toBe(0);
    }
    expect(ipt(nf, '-t mangle -S INPUT').stdout).toBe([
      '-P INPUT ACCEPT', '-A INPUT -j MARK --set-xmark 0x100/0xffffffff', '-A INPUT -j MARK --set-xmark 0x10/0xff', '-A INPUT -j MARK --set-xmark 0x4/0x4',
      '-A INPUT -j MARK --set-xmark 0x0/0xffffff0f', '-A INPUT -j MARK --set-xmark 0x3/0x0', '-A INPUT -j MARK --set-xmark 0x5/0xf', '',
    ].join('\n'));
    expect(ipt(nf, '-t mangle -L INPUT -n').stdout.split('\n').slice(2, 8).map((l) => l.replace(/^.* {2,}/, ''))).toEqual([
      'MARK set 0x100', 'MARK xset 0x10/0xff', 'MARK or 0x4', 'MARK and 0xf0', 'MARK xor 0x3', 'MARK xset 0x5/0xf',
    ]);
  });

  it('refuses a missing or bad value', () => {
    const nf = emptyNetfilter();
    expect(ipt(nf, '-t mangle -A INPUT -j MARK').stderr).toContain('MARK: One of the --set-xmark, --{and,or,xor,set}-mark options is required');
    expect(ipt(nf, '-t mangle -A INPUT -j MARK --set-mark abc').stderr).toContain('MARK: Bad value for "--set-mark" option: "abc"');
    expect(ipt(nf, '-t mangle -A INPUT -j MARK --or-mark 1/2').stderr).toContain('MARK: Bad value for "--or-mark" option: "1/2"');
  });

  it('does not end the walk: later rules still see the packet, and the result carries the new mark', () => {
    const nf = emptyNetfilter();
    ipt(nf, '-t mangle -A PREROUTING -p tcp --dport 8080 -j MARK --set-mark 256');
    ipt(nf, '-t mangle -A PREROUTING -j MARK --or-mark 1');
    const pkt: Packet = { src: '192.168.1.20', dst: '192.168.1.11', proto: 'tcp', ttl: 64, sport: 40000, dport: 8080, length: 0 };
    const r = evaluate(nf, 'mangle', 'PREROUTING', pkt, { isLocal: () => true, ctstate: 'NEW' });
    expect([r.verdict, r.mark]).toEqual(['ACCEPT', 0x101]);
    expect(evaluate(nf, 'mangle', 'PREROUTING', { ...pkt, dport: 80 }, { isLocal: () => true, ctstate: 'NEW' }).mark).toBe(1);
  });
});
