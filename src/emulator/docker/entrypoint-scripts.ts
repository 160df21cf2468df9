/**
 * The official images' entrypoint scripts end in `exec "$@"`: the program
 * named after them replaces the script and becomes PID 1. Signals, startup
 * lines and the servers a command line starts all look past them.
 */

/** Scripts that end in `exec "$@"` (redis 3.0's /entrypoint.sh runs `exec gosu redis "$@"`). */
const EXEC_WRAPPERS = /(^|\/)(docker-)?entrypoint\.sh$/;

/** A command line without the exec-ing entrypoint scripts in front of it: what PID 1 ends up running. */
export function afterEntrypointScripts(argv: readonly string[]): string[] {
  let rest = [...argv];
  while (rest.length > 1 && EXEC_WRAPPERS.test(rest[0])) rest = rest.slice(1);
  return rest;
}
