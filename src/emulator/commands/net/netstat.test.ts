import { describe, expect, it } from 'vitest';
import { createLab } from '../../index';
import type { EmulatedLab } from '../../lab';

async function run(lab: EmulatedLab, line: string): Promise<string> {
  let out = '';
  expect(await lab.run(line, { stdout: (t) => (out += t), stderr: (t) => (out += t) })).toBe(0);
  return out;
}

describe('netstat -i', () => {
  it("lists the up interfaces by name, each with its own device's packet counters", async () => {
    const lab = createLab({ seed: 3 }) as EmulatedLab;
    for (const line of ['docker network create front', 'docker run -dit --name ca --network front alpine', 'docker run -dit --name cb --network front alpine',
      'docker run -dit --name cc alpine', 'docker exec ca ping -c 2 cb', 'docker exec cc ping -c 3 172.17.0.1']) await run(lab, line);
    const rows = (await run(lab, 'netstat -i')).split('\n').slice(2, -1).map((r) => r.split(/\s+/));
    const host = lab.ctx.rootNs('node1');
    const devices = host.devices.map((id) => lab.ctx.state.net.devices[id]).filter((d) => d.up);
    expect(rows.map((r) => r[0])).toEqual(devices.map((d) => d.name).sort());
    for (const [name, , rxOk, , , , txOk] of rows) {
      const dev = devices.find((d) => d.name === name)!;
      expect([name, Number(rxOk), Number(txOk)]).toEqual([name, dev.rxPackets, dev.txPackets]);
    }
    // The pings crossed the veths: their counters differ from one another, so a row with another's numbers would show.
    const veths = rows.filter((r) => r[0].startsWith('veth'));
    expect(veths.length).toBe(3);
    expect(new Set(veths.map((r) => `${r[2]}/${r[6]}`)).size).toBe(3);
  });
});
