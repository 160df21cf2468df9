/**
 * Docker's identifiers: 64-hex container/network/endpoint IDs (regenerated
 * when the first 12 characters are all digits, as stringid.GenerateRandomID
 * does, so a short ID is never mistaken for a number), 25-character base-36
 * swarm IDs, `vethXXXXXXX` host-side names, and random container names.
 */
import type { Rng } from '../core/rng';

export function randomId(rng: Rng): string {
  for (;;) {
    const id = rng.hex(64);
    if (!/^\d{12}/.test(id)) return id;
  }
}

export function vethName(rng: Rng): string {
  return 'veth' + rng.hex(7);
}

// Our own short lists in the spirit of moby's namesgenerator (its lists are not copied).
const ADJECTIVES = [
  'admiring', 'bold', 'brave', 'clever', 'compassionate', 'confident', 'dazzling', 'eager', 'elegant', 'festive',
  'focused', 'friendly', 'gallant', 'gracious', 'happy', 'hopeful', 'jolly', 'keen', 'kind', 'lucid', 'modest',
  'nifty', 'optimistic', 'peaceful', 'practical', 'quirky', 'relaxed', 'serene', 'sharp', 'stoic', 'tender',
  'upbeat', 'vibrant', 'wizardly', 'youthful', 'zealous',
];
const SCIENTISTS = [
  'albattani', 'bardeen', 'bohr', 'cerf', 'curie', 'darwin', 'dijkstra', 'einstein', 'euler', 'feynman', 'galileo',
  'goldberg', 'hamilton', 'hopper', 'hypatia', 'johnson', 'kalam', 'knuth', 'lamport', 'lovelace', 'meitner',
  'morse', 'noether', 'pascal', 'perlman', 'ritchie', 'shannon', 'sinoussi', 'thompson', 'turing', 'wozniak', 'yonath',
];

export function randomName(rng: Rng, taken: (name: string) => boolean): string {
  for (let i = 0; ; i++) {
    const name = `${rng.pick(ADJECTIVES)}_${rng.pick(SCIENTISTS)}${i > 8 ? rng.int(1, 9) : ''}`;
    if (!taken(name)) return name;
  }
}
