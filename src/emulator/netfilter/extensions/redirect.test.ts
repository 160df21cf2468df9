/** REDIRECT: parsed and printed as libxt_REDIRECT does, and in the packet path a DNAT to the receiving address. */
import { describe, expect, it } from 'vitest';
import { createLab } from '../../index';
import { emptyNetfilter } from '../state';
import { runIptables } from '../iptables';

async function sh(lab: ReturnType<typeof createLab>, line: string): Promise<{ out: string; code: number }> {
  let out = '';
  const code = await lab.run(line, { stdout: (t) => (out += t), stderr: (t) => (out += t) });
  return { out, code };
}

describe('REDIRECT', () => {
  it('takes --to-ports, prints redir ports with -L, and lives only in nat PREROUTING/OUTPUT', () => {
    const nf = emptyNetfilter();
    expect(runIptables('-t nat -A PREROUTING -p tcp --dport 8080 -j REDIRECT --to-port 80'.split(' '), nf).status).toBe(0);
    expect(runIptables('-t nat -S PREROUTING'.split(' '), nf).stdout).toBe('-P PREROUTING ACCEPT\n-A PREROUTING -p tcp -m tcp --dport 8080 -j REDIRECT --to-ports 80\n');
    expect(runIptables('-t nat -L PREROUTING -n'.split(' '), nf).stdout).toContain('tcp dpt:8080 redir ports 80');
    expect(runIptables('-t nat -A POSTROUTING -j REDIRECT'.split(' '), nf).status).not.toBe(0);
  });

  it('sends a local connection to 127.0.0.1 on the new port', async () => {
    const lab = createLab({ seed: 1 });
    expect((await sh(lab, 'docker run -d --name web -p 8080:80 nginx')).code).toBe(0);
    expect((await sh(lab, 'curl -s -m 1 -o /dev/null -w %{http_code} localhost:9090')).out).toBe('000');
    expect((await sh(lab, 'iptables -t nat -A OUTPUT -p tcp --dport 9090 -j REDIRECT --to-ports 8080')).code).toBe(0);
    expect((await sh(lab, 'curl -s -o /dev/null -w %{http_code} localhost:9090')).out).toBe('200');
  });
});
