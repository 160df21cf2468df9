/**
 * Compact snapshots leave out only built-in chains that are exactly fresh;
 * a built-in chain a student touched (now in nf_tables, or renamed away)
 * must come back from a snapshot behaving as before.
 */
import { describe, expect, it } from 'vitest';
import { createLab } from '../index';
import type { EmulatedLab } from '../lab';
import { newLab, sh } from '../../../tests/helpers/engine';
import { decodeDeltas } from './snapshot-delta';

async function restored(lab: EmulatedLab): Promise<EmulatedLab> {
  const copy = createLab({ seed: 77 }) as EmulatedLab;
  copy.restore(JSON.parse(JSON.stringify(lab.snapshot())));
  return copy;
}

describe('compact snapshots and edited built-in chains', () => {
  it('keeps a flushed (materialised) empty built-in chain', async () => {
    const lab = newLab(5);
    await sh(lab, 'iptables -t mangle -F INPUT');
    const copy = await restored(lab);
    expect(JSON.stringify(copy.snapshot())).toBe(JSON.stringify(lab.snapshot()));
    // In nf_tables: deleting rule 1 is "Bad rule"; a fake chain would say "No chain/target/match".
    const a = await sh(lab, 'iptables -t mangle -D INPUT 1');
    const b = await sh(copy, 'iptables -t mangle -D INPUT 1');
    expect(b.err).toBe(a.err);
    expect(b.err).not.toMatch(/No chain/);
    expect((await sh(copy, 'iptables -t mangle -S')).out).toBe((await sh(lab, 'iptables -t mangle -S')).out);
  });

  it('keeps a renamed base chain (incompatible) and its fresh stand-in', async () => {
    const lab = newLab(6);
    await sh(lab, 'iptables -t raw -A OUTPUT -j ACCEPT');
    await sh(lab, 'iptables -t raw -E OUTPUT MYOUT');
    const copy = await restored(lab);
    expect(JSON.stringify(copy.snapshot())).toBe(JSON.stringify(lab.snapshot()));
    const a = await sh(lab, 'iptables -t raw -L -n');
    expect(a.out).toMatch(/incompatible base-chains/);
    expect((await sh(copy, 'iptables -t raw -L -n')).out).toBe(a.out);
  });

  it('a fresh namespace writes out no chains, and a restored one is fake again', async () => {
    const lab = newLab(7);
    const snap = lab.snapshot() as { state: { net: { namespaces: Record<string, { nf: Record<string, unknown> }> } } };
    const some = Object.values(snap.state.net.namespaces).find((ns) => Object.keys(ns.nf).length === 0);
    expect(some).toBeDefined();
    const copy = await restored(lab);
    const a = await sh(lab, 'iptables -t mangle -D FORWARD 1');
    expect(a.err).toMatch(/No chain/);
    expect((await sh(copy, 'iptables -t mangle -D FORWARD 1')).err).toBe(a.err);
  });
});

describe('traffic through untouched chains', () => {
  it('counts nothing there: a default-bridge container that pinged still writes out no chains', async () => {
    const lab = newLab(8);
    await sh(lab, 'docker run -dit --name pinger alpine');
    expect((await sh(lab, 'docker exec pinger ping -c 2 google.com')).out).toMatch(/2 packets received/);
    const nsId = lab.query.container('pinger')!.id;
    const netns = lab.ctx.docker('node1').containers[nsId].netnsId!;
    const snap = lab.snapshot() as unknown as { state: unknown };
    const ns = decodeDeltas(JSON.parse(JSON.stringify(snap.state))) as { net: { namespaces: Record<string, { nf: Record<string, unknown> }> } };
    expect(ns.net.namespaces[netns].nf).toEqual({});
    const raw = await sh(lab, 'docker run --rm --privileged --net container:pinger nicolaka/netshoot iptables -t raw -L OUTPUT -v -n');
    expect(raw.out).toMatch(/Chain OUTPUT \(policy ACCEPT 0 packets, 0 bytes\)/);
  });
});
