/**
 * `docker run --publish` long syntax, `target=80,published=8080,protocol=udp`,
 * rewritten to the short syntax before parsing, exactly as docker/cli
 * convertToStandardNotation does (cli/command/container/opts.go).
 *
 * What the real CLI does, oddities included:
 * - an option is "long" as soon as it contains '=';
 * - it becomes "<published>:<target>/<protocol>", protocol defaulting to tcp and a
 *   missing key giving "" (so `target=80` is ":80/tcp", a random host port);
 * - keys are case-sensitive and any other key (mode=, host_ip=, name=…) is
 *   accepted and IGNORED: `docker run` has no host-IP or mode in long syntax;
 * - values are not checked here; ParsePortSpec checks them afterwards.
 */
import { type Result, ok, fail } from './result';

function toStandard(publish: string): Result<string> {
  const params = new Map<string, string>([['protocol', 'tcp']]);
  for (const param of publish.split(',')) {
    const eq = param.indexOf('=');
    if (eq <= 0) return fail(`invalid publish opts format (should be name=value but got '${param}')`);
    params.set(param.slice(0, eq), param.slice(eq + 1));
  }
  const get = (key: string) => params.get(key) ?? '';
  return ok(`${get('published')}:${get('target')}/${get('protocol')}`);
}

/** convertToStandardNotation: long-syntax options rewritten, short ones passed through. */
export function convertToStandardNotation(ports: readonly string[]): Result<string[]> {
  const out: string[] = [];
  for (const publish of ports) {
    if (!publish.includes('=')) {
      out.push(publish);
      continue;
    }
    const converted = toStandard(publish);
    if (!converted.ok) return converted;
    out.push(converted.value);
  }
  return ok(out);
}
