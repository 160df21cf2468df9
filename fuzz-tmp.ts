import { spawnSync } from 'node:child_process';
import { emptyNetfilter } from '/work/main/src/emulator/netfilter/state';
import { runIptables } from '/work/main/src/emulator/netfilter/iptables';
const runner = `
const { spawnSync } = require('node:child_process');
const steps = JSON.parse(process.argv[1]);
process.stdout.write(JSON.stringify(steps.map((argv) => { const r = spawnSync('iptables', argv, { encoding: 'utf8' }); return { status: r.status, stdout: r.stdout, stderr: r.stderr }; })));
`;
let diffs = 0;
for (let seed = 1; seed <= Number(process.argv[2] ?? 20); seed++) {
  const steps = JSON.parse(spawnSync('node', ['/tmp/fuzz/gen.mjs', String(seed), '80'], { encoding: 'utf8' }).stdout);
  const real = JSON.parse(spawnSync('unshare', ['-n', process.execPath, '-e', runner, JSON.stringify(steps)], { encoding: 'utf8' }).stdout);
  const nf = emptyNetfilter();
  for (let i = 0; i < steps.length; i++) {
    const mine = runIptables(steps[i], nf);
    const r = real[i];
    if (mine.status !== r.status || mine.stdout !== r.stdout || mine.stderr !== r.stderr) {
      diffs++;
      console.log(`seed ${seed} step ${i}: iptables ${steps[i].join(' ')}`);
      console.log('  real:', JSON.stringify(r).slice(0, 600));
      console.log('  mine:', JSON.stringify(mine).slice(0, 600));
      break;
    }
  }
}
console.log('diffs', diffs);
