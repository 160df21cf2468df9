/** The shell's builtins, found before any program of the same name. */
import type { CommandSpec } from '../../commands/types';
import { cd, pwd } from './directory';
import { echo } from './echo';
import { type, which } from './lookup';
import { read } from './read';
import { sleep } from './sleep';
import { colon, exit, falseCommand, trueCommand } from './status';
import { bracket, test } from './test';
import { exportCommand, set, unset } from './variables';

export const shellBuiltins: CommandSpec[] = [
  echo, exportCommand, unset, set, cd, pwd, trueCommand, colon, falseCommand, exit, sleep, type, which, test, bracket, read,
];
