/** Shared by the docker transcript tests: run a line and capture what it printed. */
import type { Lab, RunIO } from '../src/emulator/api';

export interface Result {
  out: string;
  err: string;
  code: number;
}

export async function sh(lab: Lab, line: string, io: Partial<RunIO> = {}): Promise<Result> {
  let out = '';
  let err = '';
  const code = await lab.run(line, { stdout: (t) => (out += t), stderr: (t) => (err += t), ...io });
  return { out, err, code };
}

/** Runs lines in order and fails loudly if one of them does not exit 0. */
export async function setup(lab: Lab, ...lines: string[]): Promise<void> {
  for (const line of lines) {
    const r = await sh(lab, line);
    if (r.code !== 0) throw new Error(`setup failed: ${line}\n${r.out}${r.err}`);
  }
}

/** Runs one line and returns its output; fails loudly (with what it printed) if it does not exit 0. */
export async function ok(lab: Lab, line: string): Promise<string> {
  const r = await sh(lab, line);
  if (r.code !== 0) throw new Error(`${line} failed (${r.code}):\n${r.out}${r.err}`);
  return r.out;
}
