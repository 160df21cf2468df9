import type { Exercise } from '../../../src/courseware/types';

export const exercises = {
  hello: {
    id: 'welcome-hello',
    title: 'Start your first container',
    task: 'Start an `nginx` container named `hello` that keeps running in the background.',
    lab: 'main',
    checks: [{ kind: 'container-running', id: 'hello-running', container: 'hello', image: 'nginx' }],
    hints: [
      '`docker run` creates and starts a container; `--name` chooses its name.',
      'Without `-d` the container stays attached to your terminal. Detach it so it runs in the background.',
    ],
    solution: ['docker run -d --name hello nginx'],
  },
  openToLan: {
    id: 'welcome-open-to-lan',
    title: 'Let the laptop see it',
    task:
      'Building on the previous task: someone on the `laptop` wants to open nginx at `http://192.168.1.11:8080`. Make a running `nginx` container named `hello` answer there.',
    lab: 'main',
    checks: [
      { kind: 'container-running', id: 'hello-running', container: 'hello', image: 'nginx' },
      { kind: 'port-published', id: 'hello-published', container: 'hello', containerPort: '80/tcp', hostPort: 8080 },
      { kind: 'can-reach', id: 'laptop-reaches-8080', from: { laptop: true }, to: '192.168.1.11', port: 8080, proto: 'tcp' },
    ],
    hints: [
      'nginx listens on port 80 inside its container. Nothing outside node1 can reach that until you publish it on a host port.',
      'Ports are published when a container is created, with `-p HOSTPORT:CONTAINERPORT`. An existing container cannot gain one.',
      'Remove the old `hello` (`docker rm -f hello`) and run it again with the port published.',
    ],
    solution: ['docker rm -f hello', 'docker run -d --name hello -p 8080:80 nginx'],
    continues: true,
  },
} satisfies Record<string, Exercise>;
