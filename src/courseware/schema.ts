/**
 * Zod schemas for the course's data: exercises, their checks, quizzes and
 * lab setups. The `.describe()` texts document each field for authors; the
 * `validate*` functions turn problems into messages that name the file and
 * item, the field, what was expected and what was found (Starlight's habit).
 * `<Exercise>` and `<Quiz>` call them at build time, so a broken lesson fails
 * the build with those words.
 */
import { z } from 'zod';
import type { Exercise, LabSetup, Quiz } from './types';
import { formatIssues } from './schema-issues';

const name = (what: string) => z.string().min(1).describe(what);
const ident = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, {
  error: (iss) => `expected an id of letters, digits, "-" and "_" (no spaces), found ${JSON.stringify(iss.input)}`,
});
const ipv4 = z.string().regex(/^(\d{1,3}\.){3}\d{1,3}$/, { error: (iss) => `expected an IPv4 address like 172.18.0.10, found ${JSON.stringify(iss.input)}` });
const cidr = z.string().regex(/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/, { error: (iss) => `expected a subnet like 10.10.0.0/24, found ${JSON.stringify(iss.input)}` });
const port = z.number().int().min(1).max(65535);
const proto = z.enum(['tcp', 'udp', 'icmp']).describe('tcp (default with a port), udp, or icmp (a ping; the default without a port).');

export const vantageSchema = z.union(
  [
    z.strictObject({ container: name('A container, by name.') }),
    z.strictObject({ host: name('A Docker host of the lab, e.g. node1 (its own namespace, not a container).') }),
    z.strictObject({ laptop: z.literal(true).describe('The laptop on the LAN, outside every Docker host.') }),
  ],
  { error: 'expected a place to look from: { container: "web" }, { host: "node1" } or { laptop: true }' },
).describe('Where something is observed from.');

const base = {
  id: ident.describe('Unique within the exercise; names the check in results and build errors.'),
  label: z.string().min(1).optional().describe('Checklist label shown instead of the generated one.'),
};
const hostField = z.string().min(1).optional().describe('In multi-host labs: the host whose networks are looked at.');

export const checkSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('network-exists'), ...base, network: name('Network name.'), driver: z.string().min(1).optional().describe('bridge, overlay, macvlan, ipvlan, host, null.'), subnet: cidr.optional(), internal: z.boolean().optional(), option: z.string().min(1).optional().describe('A driver option it must have, e.g. encrypted (--opt encrypted).'), host: hostField })
    .describe('A network of that name exists, optionally with that driver, subnet, --internal setting and driver option.'),
  z.strictObject({ kind: z.literal('network-absent'), ...base, network: name('Network name.'), host: hostField })
    .describe('No network of that name exists.'),
  z.strictObject({ kind: z.literal('container-running'), ...base, container: name('Container name.'), image: z.string().min(1).optional().describe('nginx, nginx:latest and docker.io/library/nginx:latest are the same image.'), host: z.string().min(1).optional().describe('In multi-host labs: the host the container must run on.') })
    .describe('The container exists and runs (on that host, when given).'),
  z.strictObject({ kind: z.literal('container-absent'), ...base, container: name('Container name.') })
    .describe('No container of that name exists.'),
  z.strictObject({ kind: z.literal('container-on-network'), ...base, container: name('Container name.'), network: name('Network name.'), ip: ipv4.optional(), alias: z.string().min(1).optional().describe('A --network-alias on that network.') })
    .describe('The container has an endpoint on the network.'),
  z.strictObject({ kind: z.literal('container-not-on-network'), ...base, container: name('Container name.'), network: name('Network name.') })
    .describe('The container has no endpoint on the network (or does not exist).'),
  z.strictObject({ kind: z.literal('network-mode'), ...base, container: name('Container name.'), mode: name('bridge, host, none, container:<name> or a network name.') })
    .describe("The container's network mode."),
  z.strictObject({ kind: z.literal('can-reach'), ...base, from: vantageSchema, to: name('Target: a name or an IPv4 address.'), port: port.optional(), proto: proto.optional(), bytes: z.number().int().min(1).optional().describe('A ping with that many data bytes (ping -s; at most 65507), or a TCP connection that also downloads that many in full-size segments.') })
    .describe('A ping (no port) or a connection really gets through the model.'),
  z.strictObject({ kind: z.literal('cannot-reach'), ...base, from: vantageSchema, to: name('Target: a name or an IPv4 address.'), port: port.optional(), proto: proto.optional() })
    .describe('A ping (no port) or a connection must not get through.'),
  z.strictObject({ kind: z.literal('name-resolves'), ...base, from: vantageSchema, name: name('The name looked up.'), to: z.string().min(1).optional().describe('An IPv4 address, or a container whose address counts.') })
    .describe('The name resolves from that place.'),
  z.strictObject({ kind: z.literal('port-published'), ...base, container: name('Container name.'), containerPort: z.string().regex(/^\d{1,5}(\/(tcp|udp|sctp))?$/, { error: (iss) => `expected a container port like "80/tcp" or "53/udp", found ${JSON.stringify(iss.input)}` }), hostPort: port.optional(), hostIp: z.string().min(1).optional() })
    .describe('A container port is published on the host (-p).'),
  z.strictObject({ kind: z.literal('file-contains'), ...base, where: vantageSchema, path: z.string().startsWith('/', { error: (iss) => `expected an absolute path starting with "/", found ${JSON.stringify(iss.input)}` }), text: z.string().min(1) })
    .describe('A file contains a piece of text.'),
  z.strictObject({ kind: z.literal('env-has'), ...base, container: name('Container name.'), name: name('Variable name.'), value: z.string().optional() })
    .describe('The container has an environment variable, optionally with that value.'),
  z.strictObject({ kind: z.literal('swarm-node'), ...base, node: name('A Docker host of the lab, e.g. node2.'), role: z.enum(['manager', 'worker']).optional(), status: z.enum(['ready', 'down']).optional().describe('Default ready.') })
    .describe('The host is a node of the swarm, as `docker node ls` on a manager lists it.'),
  z.strictObject({ kind: z.literal('service-running'), ...base, service: name('Service name.'), mode: z.enum(['replicated', 'global']).optional(), replicas: z.number().int().min(0).optional(), endpointMode: z.enum(['vip', 'dnsrr']).optional(), network: z.string().min(1).optional().describe('A network the service is on.'), published: port.optional().describe('A port the service publishes.'), publishMode: z.enum(['ingress', 'host']).optional().describe('How `published` is published; needs `published`.'), notOnHost: z.string().min(1).optional().describe('A host where none of its tasks may run.') })
    .describe('A swarm service exists and all its tasks run, with those settings.'),
]).describe('A named condition on the lab state. The grader explains each failure in plain words.');

function uniqueIds(items: readonly { id: string }[], field: string, what: string, ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, i);
    else ctx.addIssue({ code: 'custom', path: [field, i, 'id'], message: `expected a unique ${what} id, found ${JSON.stringify(item.id)} again (also used by ${field}[${first}])` });
  });
}

export const exerciseSchema = z.strictObject({
  id: ident.describe('Unique within the lesson; the key of its saved progress.'),
  title: name('Short title shown above the task.'),
  task: name('What to do, in inline Markdown (code spans, emphasis, links).'),
  lab: name('Key of the lesson lab (frontmatter `labs`) this exercise grades, usually "main".'),
  checks: z.array(checkSchema).min(1).describe('All must pass; at least one must fail on the starting lab.'),
  hints: z.array(z.string().min(1)).describe('Revealed one at a time; point to the next step, not the answer.'),
  solution: z.array(z.string().min(1)).min(1).describe('Commands that solve it from the state the page leaves; proven in CI.'),
  solutionExit: z.record(z.string(), z.number().int().min(0).max(255)).optional()
    .describe('Non-zero exit statuses a solution command is meant to have, keyed by the exact command line.'),
  continues: z.boolean().optional()
    .describe('True when it builds on the exercises above it; CI then proves it only after their solutions.'),
  editFile: z.strictObject({
    path: z.string().startsWith('/', { error: (iss) => `expected an absolute path starting with "/", found ${JSON.stringify(iss.input)}` }),
    language: z.enum(['json', 'plaintext']),
    host: z.string().min(1).optional().describe('Host whose file it is; default node1.'),
  }).optional().describe('A file the exercise edits; <Exercise> shows an editor for it.'),
}).superRefine((ex, ctx) => {
  uniqueIds(ex.checks, 'checks', 'check', ctx);
  for (const line of Object.keys(ex.solutionExit ?? {})) {
    if (!ex.solution.includes(line)) {
      ctx.addIssue({ code: 'custom', path: ['solutionExit'], message: `expected keys that are solution commands, found ${JSON.stringify(line)}, which is not in solution` });
    }
  }
}).describe('One hands-on task graded on the lab state.');

export const labSetupSchema = z.strictObject({
  seed: z.number().int().optional().describe('Seed for every random choice in the lab (IDs, MACs). Default 1.'),
  hosts: z.number().int().min(1).max(9).optional().describe('How many Docker hosts (node1..nodeN). Default 1.'),
  setup: z.array(z.string()).default([]).describe('Commands run silently before the student sees the terminal.'),
}).describe("What a lesson's terminal starts from: createLab({ seed, hosts }) then setup.");

const choiceSchema = z.strictObject({
  text: name('The choice as shown (inline Markdown).'),
  correct: z.boolean(),
  explanation: name('Why this choice is right or wrong; shown after answering.'),
});

export const quizQuestionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('single'), id: ident, prompt: name('The question.'), choices: z.array(choiceSchema).min(2) })
    .describe('One right choice (radio buttons).'),
  z.strictObject({ kind: z.literal('multiple'), id: ident, prompt: name('The question.'), choices: z.array(choiceSchema).min(2) })
    .describe('Every right choice must be picked, and no wrong one (checkboxes).'),
  z.strictObject({ kind: z.literal('short'), id: ident, prompt: name('The question.'), accept: z.array(z.string().min(1)).min(1).describe('Accepted answers; spaces are trimmed and collapsed.'), explanation: name('Shown after answering.'), caseSensitive: z.boolean().optional() })
    .describe('A typed answer, compared without regard to case unless caseSensitive.'),
]).superRefine((q, ctx) => {
  if (q.kind === 'short') return;
  const right = q.choices.filter((c) => c.correct).length;
  if (q.kind === 'single' && right !== 1) {
    ctx.addIssue({ code: 'custom', path: ['choices'], message: `expected exactly one choice with correct: true in a single-choice question, found ${right}` });
  }
  if (q.kind === 'multiple' && right === 0) {
    ctx.addIssue({ code: 'custom', path: ['choices'], message: 'expected at least one choice with correct: true, found none' });
  }
});

export const quizSchema = z.strictObject({
  id: ident.describe('Unique within the lesson; the key of its saved score.'),
  title: name('Shown above the questions.'),
  questions: z.array(quizQuestionSchema).min(1),
}).superRefine((quiz, ctx) => uniqueIds(quiz.questions, 'questions', 'question', ctx))
  .describe("A lesson's quiz, graded in the browser.");

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: string[]; message: string };

function validate<T>(schema: z.ZodType<T>, data: unknown, heading: string): Validation<T> {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  const errors = formatIssues(result.error.issues, data);
  return { ok: false, errors, message: `${heading} is not valid:\n${errors.map((e) => `  - ${e}`).join('\n')}` };
}

function idOf(data: unknown): string | undefined {
  const id = data && typeof data === 'object' ? (data as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Validates an exercise. `where` names its source for the author, e.g.
 * `content/lessons/user-networks/exercises.ts`; the message names the
 * exercise, each field, what was expected and what was found.
 */
export function validateExercise(data: unknown, where: string): Validation<Exercise> {
  const id = idOf(data);
  return validate(exerciseSchema, data, `${where}: exercise ${id ? JSON.stringify(id) : '(without an id)'}`);
}

export function validateQuiz(data: unknown, where: string): Validation<Quiz> {
  const id = idOf(data);
  return validate(quizSchema, data, `${where}: quiz ${id ? JSON.stringify(id) : '(without an id)'}`);
}

export function validateLabSetup(data: unknown, where: string): Validation<LabSetup> {
  return validate(labSetupSchema, data, `${where}: lab setup`);
}

// The schemas and the hand-written types must describe the same data.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShapes: [Same<z.output<typeof exerciseSchema>, Exercise>, Same<z.output<typeof quizSchema>, Quiz>, Same<z.output<typeof labSetupSchema>, LabSetup>] = [true, true, true];
void sameShapes;
