/**
 * The value-or-message shape every public function in this folder returns.
 *
 * House rule: bad input never throws out of a public function. Where Go returns
 * `(T, error)`, we return `{ ok: true, value }` or `{ ok: false, error }`, and
 * `error` is exactly the text `err.Error()` prints in the Go source we copy.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: string): Result<T> {
  return { ok: false, error };
}
