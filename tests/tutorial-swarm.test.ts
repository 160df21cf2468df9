/**
 * Docker's swarm mode tutorial (docs: engine/swarm/swarm-tutorial) replayed
 * as a student types it on a three-host lab: deploy a service, inspect it,
 * scale it, delete it; the rolling update from redis:3.0.6 to 3.0.7 with a
 * 10 s delay; draining a node; the routing mesh with --publish and
 * --publish-add.
 */
import { describe, expect, it } from 'vitest';
import { sh } from './docker-helpers';
import { ID, ok, psRows, swarm3 } from './helpers/swarm-services';

describe("Docker's swarm tutorial", () => {
  it('deploys, inspects, scales and deletes helloworld', async () => {
    const lab = await swarm3();
    expect(await ok(lab, 'docker service create --replicas 1 --name helloworld alpine ping docker.com')).toMatch(new RegExp(`^${ID}\\noverall progress: 1 out of 1 tasks \\n`));
    expect(await ok(lab, 'docker service ls --format "{{.Name}} {{.Replicas}} {{.Image}}"')).toBe('helloworld 1/1 alpine:latest\n');
    expect(await ok(lab, 'docker service inspect --pretty helloworld')).toContain('\nContainerSpec:\n Image:\t\talpine:latest@sha256:');
    expect(await ok(lab, 'docker service inspect --pretty helloworld')).toContain('\n Args:\t\tping docker.com \n');
    expect(await ok(lab, 'docker service scale helloworld=5')).toMatch(/^helloworld scaled to 5\noverall progress: 5 out of 5 tasks \n/);
    expect(psRows(await ok(lab, 'docker service ps helloworld')).map((r) => r[3])).toEqual(['node1', 'node2', 'node3', 'node1', 'node2']);
    expect(await ok(lab, 'ssh node2 docker ps --format {{.Image}}:{{.Command}}')).toBe('alpine:latest:"ping docker.com"\nalpine:latest:"ping docker.com"\n');
    expect(await ok(lab, 'docker service rm helloworld')).toBe('helloworld\n');
    expect(await sh(lab, 'docker service inspect helloworld')).toEqual({ out: '[]\n', err: 'Error: no such service: helloworld\n', code: 1 });
  });

  it('rolls redis from 3.0.6 to 3.0.7 one task every 10 seconds', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create --replicas 3 --name redis --update-delay 10s redis:3.0.6');
    const pretty = await ok(lab, 'docker service inspect --pretty redis');
    expect(pretty).toContain('\nUpdateConfig:\n Parallelism:\t1\n Delay:\t\t10s\n On failure:\tpause\n');
    expect(JSON.parse(await ok(lab, 'docker service inspect redis'))[0].Spec.UpdateConfig).toEqual({
      Parallelism: 1, Delay: 10000000000, FailureAction: 'pause', Monitor: 5000000000, MaxFailureRatio: 0, Order: 'stop-first',
    });
    await ok(lab, 'docker service update --image redis:3.0.7 redis');
    const rows = psRows(await ok(lab, 'docker service ps redis'));
    expect(rows.map((r) => `${r[1]} ${r[2]} ${r[4]}`)).toEqual([
      'redis.1 redis:3.0.7 Running', '\\_ redis.1 redis:3.0.6 Shutdown', 'redis.2 redis:3.0.7 Running', '\\_ redis.2 redis:3.0.6 Shutdown',
      'redis.3 redis:3.0.7 Running', '\\_ redis.3 redis:3.0.6 Shutdown',
    ]);
    // One slot after the other, 10 s apart: the newest tasks started last.
    const ages = rows.filter((r) => r[4] === 'Running').map((r) => Number(/Running (\d+) seconds ago/.exec(r[5])![1]));
    expect(ages[0] - ages[1]).toBeGreaterThanOrEqual(10);
    expect(ages[1] - ages[2]).toBeGreaterThanOrEqual(10);
    expect(await ok(lab, 'ssh node2 docker images --format {{.Repository}}:{{.Tag}}')).toBe('redis:3.0.7\nredis:3.0.6\n');
  });

  it('drains a node and publishes a port through the routing mesh', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create -d --replicas 3 --name redis redis:3.0.6');
    await ok(lab, 'docker node update --availability drain node2');
    expect(await ok(lab, 'docker node inspect --pretty node2')).toContain('\n Availability:         \tDrain\n');
    expect(psRows(await ok(lab, 'docker service ps -f desired-state=running redis')).map((r) => r[3])).toEqual(['node1', 'node1', 'node3']);
    await ok(lab, 'docker node update --availability active node2');
    await ok(lab, 'docker service create -d --name my-web --publish published=8080,target=80 --replicas 2 nginx');
    expect(await ok(lab, 'ssh laptop curl -s -o /dev/null -w %{http_code} 192.168.1.12:8080')).toBe('200');
    await ok(lab, 'docker service update -d --publish-add published=8081,target=80 my-web');
    expect(await ok(lab, 'docker service inspect --format="{{json .Endpoint.Spec.Ports}}" my-web')).toBe(
      '[{"Protocol":"tcp","TargetPort":80,"PublishedPort":8080,"PublishMode":"ingress"},{"Protocol":"tcp","TargetPort":80,"PublishedPort":8081,"PublishMode":"ingress"}]\n',
    );
    expect(await ok(lab, 'ssh laptop curl -s -o /dev/null -w %{http_code} 192.168.1.13:8081')).toBe('200');
  });
});
