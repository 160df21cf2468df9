import { it } from 'vitest';
import { createLab } from '../src/emulator/index';

it('smoke', async () => {
  const lab = createLab({ seed: 1 });
  const run = async (line: string, extra: object = {}) => {
    let out = '';
    const p = lab.prompt();
    const code = await lab.run(line, { stdout: (t) => (out += t), stderr: (t) => (out += t), ...extra });
    console.log(`${p}${line}\n${out}[exit ${code}]`);
  };
  await run('docker ps --help');
  await run('docker container');
  await run('docker image');
  await run('docker');
  await run('docker run -dit --name alpine1 alpine ash');
  await run('docker run -dit --name alpine2 alpine ash');
  await run('docker container ls');
  await run('docker attach alpine1');
  await run('ip addr show');
  await run('ping -c 2 172.17.0.3');
  await run('ping -c 2 alpine2');
  await run('\x10\x11');
  await run('docker container stop alpine1 alpine2');
  await run('docker container rm alpine1 alpine2');
});
