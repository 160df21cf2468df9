import { describe, expect, it } from 'vitest';
import { createLab } from '../../index';
import type { EmulatedLab } from '../../lab';

async function run(lab: EmulatedLab, line: string): Promise<string> {
  let out = '';
  expect(await lab.run(line, { stdout: (t) => (out += t), stderr: (t) => (out += t) })).toBe(0);
  return out;
}

describe('bridge fdb', () => {
  it("lists each port's learnt MACs after the port's turn comes, in the table's order, bridge by bridge", async () => {
    const lab = createLab({ seed: 4 }) as EmulatedLab;
    for (const line of ['docker network create front', 'docker run -dit --name ca --network front alpine', 'docker run -dit --name cb --network front alpine',
      'docker run -dit --name cc --network front alpine', 'docker run -dit --name cd alpine', 'docker run -dit --name ce alpine',
      'docker exec ca ping -c 1 cb', 'docker exec cc ping -c 1 ca', 'docker exec cd ping -c 1 172.17.0.3']) await run(lab, line);
    const learnt = (await run(lab, 'bridge fdb')).split('\n').filter((l) => l.endsWith(' ')).map((l) => l.trim());
    // The same list as one pass over the whole table per port (ports of each bridge in ifindex order) gives.
    const net = lab.ctx.state.net;
    const host = lab.ctx.rootNs('node1').devices.map((id) => net.devices[id]).sort((a, b) => a.ifindex - b.ifindex);
    const expected: string[] = [];
    for (const br of host.filter((d) => d.kind === 'bridge')) {
      for (const port of host.filter((d) => d.master === br.id)) {
        for (const [mac, portId] of Object.entries(br.fdb ?? {})) if (portId === port.id) expected.push(`${mac} dev ${port.name} master ${br.name}`);
      }
    }
    expect(learnt).toEqual(expected);
    // Both bridges learnt from several ports.
    expect(new Set(learnt.map((l) => l.split(' master ')[1])).size).toBe(2);
    expect(learnt.length).toBeGreaterThanOrEqual(5);
  });
});
