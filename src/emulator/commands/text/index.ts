/** The text and file tools every namespace has (GNU coreutils or BusyBox applets). */
import type { CommandSpec } from '../types';
import { cat } from './cat';
import { cut } from './cut';
import { env } from './env';
import { grep } from './grep';
import { head } from './head';
import { ls } from './ls';
import { mkdir } from './mkdir';
import { printenv } from './printenv';
import { rm } from './rm';
import { seq } from './seq';
import { sort } from './sort';
import { tail } from './tail';
import { tee } from './tee';
import { touch } from './touch';
import { tr } from './tr';
import { uniq } from './uniq';
import { wc } from './wc';

export const textCommands: CommandSpec[] = [
  cat, grep, head, tail, wc, sort, uniq, cut, tr, tee, ls, env, printenv, touch, rm, mkdir, seq,
];
