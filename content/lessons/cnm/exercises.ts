import type { Exercise } from '../../../src/courseware/types';

export const exercises = {
  twoEndpoints: {
    id: 'cnm-two-endpoints',
    title: 'One sandbox, two endpoints',
    task:
      'Create two bridge networks, `frontend` and `backend`, and run one long-lived `alpine` container named `app` that is attached to both of them.',
    lab: 'main',
    checks: [
      { kind: 'network-exists', id: 'frontend-exists', network: 'frontend', driver: 'bridge' },
      { kind: 'network-exists', id: 'backend-exists', network: 'backend', driver: 'bridge' },
      { kind: 'container-running', id: 'app-running', container: 'app', image: 'alpine' },
      { kind: 'container-on-network', id: 'app-on-frontend', container: 'app', network: 'frontend' },
      { kind: 'container-on-network', id: 'app-on-backend', container: 'app', network: 'backend' },
    ],
    hints: [
      '`docker network create NAME` makes a network; without `-d` the driver is `bridge`.',
      '`docker run --network` attaches a new container to one network. Alpine’s default command exits at once, so give it something long-running such as `sleep 1d`.',
      'A running container gains another endpoint with `docker network connect NETWORK CONTAINER`.',
    ],
    solution: [
      'docker network create frontend',
      'docker network create backend',
      'docker run -d --name app --network frontend alpine sleep 1d',
      'docker network connect backend app',
    ],
  },
  ipam: {
    id: 'cnm-ipam',
    title: 'Tell IPAM which addresses to use',
    task:
      'Create a bridge network named `lab` whose addresses come from `10.42.0.0/24`, and run a long-lived `alpine` container named `probe` on it. Before you check, predict the address `probe` will get.',
    lab: 'main',
    checks: [
      { kind: 'network-exists', id: 'lab-subnet', network: 'lab', driver: 'bridge', subnet: '10.42.0.0/24' },
      { kind: 'container-running', id: 'probe-running', container: 'probe', image: 'alpine' },
      { kind: 'container-on-network', id: 'probe-address', container: 'probe', network: 'lab', ip: '10.42.0.2' },
    ],
    hints: [
      'The subnet is chosen when the network is created. Look at `docker network create --help` for the flag that sets it.',
      'With `--subnet 10.42.0.0/24` the IPAM driver keeps `.0` for the network and gives `.1` to the gateway.',
      'Let IPAM choose the container’s address: just run it with `--network lab`. The first container gets the lowest free address.',
    ],
    solution: ['docker network create --subnet 10.42.0.0/24 lab', 'docker run -d --name probe --network lab alpine sleep 1d'],
  },
} satisfies Record<string, Exercise>;
