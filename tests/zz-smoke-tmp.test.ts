import { it } from 'vitest';
import { createLab } from '../src/emulator/index';

it('smoke', async () => {
  const lab = createLab({ seed: 1 });
  const run = async (line: string, extra: object = {}) => {
    let out = '';
    const p = lab.prompt();
    const code = await lab.run(line, { stdout: (t) => (out += t), stderr: (t) => (out += t), ...extra });
    console.log(JSON.stringify(`${p}${line}\n${out}[exit ${code}]`));
  };
  await run('docker run -d --name web nginx');
  await run('docker exec web bash -c "echo hello \\$HOSTNAME"');
  await run('docker exec web echo a b');
  await run('docker exec web sh -c "echo a; echo b >&2"');
  await run('docker exec -it web bash');
  await run('echo $HOSTNAME $TERM; pwd');
  await run('exit');
  await run('docker run --rm -e FOO=bar alpine sh -c "echo $FOO; env | sort"');
  await run("docker run --rm -e FOO=bar alpine sh -c 'echo $FOO'");
});
