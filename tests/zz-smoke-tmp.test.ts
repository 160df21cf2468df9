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
  await run('docker run -d --name proxy --network host nginx');
  await run('docker run -d --name api --network host httpd');
  await run("docker ps -a --format 'table {{.Names}}\\t{{.Status}}'");
  await run('docker logs api 2>&1 | grep AH00072');
  await run('docker run --rm --add-host host.docker.internal:host-gateway alpine grep host.docker /etc/hosts');
  await run('docker run -d --name web -e DB_HOST=x --link proxy nginx');
  await run('docker run -d --name db training/postgres');
  await run('docker run -d --name web2 --link db:db training/webapp');
  await run('docker exec web2 env | grep DB_PORT | sort');
  await run('docker exec web2 printenv DB_NAME');
  await run('docker run --rm --link web2 alpine printenv WEB2_PORT');
  await run('docker run --rm --network host alpine hostname');
  await run('docker run --rm --network none alpine ip addr');
  await run('docker run --rm --dns 1.1.1.1 --dns-search corp.example alpine cat /etc/resolv.conf');
  await run('docker run --rm alpine echo "hello world"');
  await run('docker run -d --name cache -e REDIS_PASSWORD=s3cret redis');
  await run('docker run --rm --link cache alpine printenv CACHE_ENV_REDIS_PASSWORD');
  await run('docker run --rm --network container:cache alpine ip -4 addr show eth0');
});
