/**
 * A lesson lab's starting state: createLab + the lesson's setup commands,
 * run without real time (a `docker run` in setup does not wait for its
 * simulated pull), captured as a snapshot. The same code runs at build time
 * (Terminal.astro puts the snapshot in the page, so the browser restores it
 * instead of replaying the setup) and in the browser (the fallback, and
 * for pages built without it). No DOM here.
 */
import type { LabOptions, Lab, LabSnapshot } from '../emulator/api';

export interface LabDefinition {
  seed?: number;
  hosts?: number;
  setup: string[];
}

export type LabFactory = (options: LabOptions) => Lab;

export interface SetupFailure {
  command: string;
  status: number;
}

/** What a page carries for a lab: the set-up lab's snapshot and the setup commands that failed. */
export interface StartingLab {
  snapshot: LabSnapshot;
  failures: SetupFailure[];
}

/** Runs the definition's setup in a lab without real time and returns the resulting lab. */
export async function runSetup(definition: LabDefinition, factory: LabFactory): Promise<{ lab: Lab; failures: SetupFailure[] }> {
  const { seed, hosts, setup } = definition;
  const lab = factory({ seed, hosts, realtime: false });
  const failures: SetupFailure[] = [];
  for (const command of setup) {
    const status = await lab.run(command);
    if (status !== 0) failures.push({ command, status });
  }
  return { lab, failures };
}

/** The starting lab as a page carries it; undefined for a lab without setup (a fresh lab is as quick). */
export async function startingLab(definition: LabDefinition, factory: LabFactory): Promise<StartingLab | undefined> {
  if (definition.setup.length === 0) return undefined;
  const { lab, failures } = await runSetup(definition, factory);
  return { snapshot: lab.snapshot(), failures };
}

/**
 * The JSON of a starting lab for a `<script type="application/json">`: `<`
 * escaped so no `</script>` (or `<!--`) inside a setup command can end the element early.
 */
export function startingLabJson(start: StartingLab): string {
  return JSON.stringify(start).replace(/</g, '\\u003c');
}

/** Reads a starting lab back from the page; undefined when absent or not what it should be. */
export function parseStartingLab(text: string | null | undefined): StartingLab | undefined {
  if (!text) return undefined;
  try {
    const data = JSON.parse(text) as Partial<StartingLab>;
    if (!data || typeof data !== 'object' || !data.snapshot || !Array.isArray(data.failures)) return undefined;
    return { snapshot: data.snapshot, failures: data.failures };
  } catch {
    return undefined;
  }
}
