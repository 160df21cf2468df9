/**
 * Words for the editor's status line, so screen-reader users hear what
 * sighted users see as squiggles. DOM-free and monaco-free (unit-tested).
 */

export interface Problem {
  line: number;
  column: number;
  message: string;
  /** monaco's MarkerSeverity: 8 error, 4 warning, 2 info, 1 hint. */
  severity: number;
}

const ERROR = 8;

/** "No problems." / "1 error: line 3, column 5: Expected comma." / "2 errors, 1 warning. First: …". */
export function summarizeProblems(problems: readonly Problem[]): string {
  const sorted = [...problems].filter((p) => p.severity >= 4).sort((a, b) => b.severity - a.severity || a.line - b.line || a.column - b.column);
  if (sorted.length === 0) return 'No problems.';
  const errors = sorted.filter((p) => p.severity >= ERROR).length;
  const warnings = sorted.length - errors;
  const counts = [errors && `${errors} error${errors === 1 ? '' : 's'}`, warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`].filter(Boolean).join(', ');
  const first = sorted[0];
  const where = `line ${first.line}, column ${first.column}: ${first.message.replace(/\.?$/, '.')}`;
  return sorted.length === 1 ? `${counts}: ${where}` : `${counts}. First: ${where}`;
}

/** Line and column (1-based) of a character offset. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/**
 * The first JSON syntax error, as dockerd would hit it (daemon.json is plain
 * JSON: no comments, no trailing commas — Go's encoding/json). Undefined when
 * the text parses, or is empty (dockerd treats an empty file as no settings).
 */
export function jsonSyntaxProblem(text: string): Problem | undefined {
  if (text.trim() === '') return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const lineCol = /\(line (\d+) column (\d+)\)/.exec(message);
    const pos = /at position (\d+)/.exec(message);
    const at = lineCol ? { line: Number(lineCol[1]), column: Number(lineCol[2]) } : positionAt(text, pos ? Number(pos[1]) : text.length);
    const clean = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/\s*in JSON at position \d+/, '').replace(/^JSON\.parse: /, '');
    return { ...at, message: clean, severity: ERROR };
  }
}
