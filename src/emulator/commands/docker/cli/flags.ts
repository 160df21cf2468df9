/**
 * Command-line flags as spf13/pflag parses them for the docker CLI:
 * `--name v`, `--name=v`, `-d`, `-dit`, `-p80:80`, `-e X=1`, repeated list
 * flags, `--rm=false`, `--` ends flags. `interspersed: false` (docker run,
 * exec) stops at the first positional argument, so the container's command
 * keeps its own flags. Error texts are pflag's (errors.go).
 */
export type FlagType = 'bool' | 'string' | 'list' | 'int' | 'map';

export interface FlagSpec {
  long: string;
  short?: string;
  type: FlagType;
  /** Placeholder shown in help: `string`, `list`, `int`… */
  value?: string;
  help: string;
  /** Default shown in help as `(default "x")`. */
  defaultText?: string;
  /** Validates one value; returns pflag's "invalid argument" reason. */
  validate?: (value: string) => string | undefined;
  hidden?: boolean;
}

export interface ParsedFlags {
  values: Map<string, string[]>;
  args: string[];
}

export class FlagError extends Error {}

export function flagLabel(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.long}` : `--${spec.long}`;
}

function add(values: Map<string, string[]>, spec: FlagSpec, value: string): void {
  const why = spec.validate?.(value);
  if (why !== undefined) throw new FlagError(`invalid argument "${value}" for "${flagLabel(spec)}" flag: ${why}`);
  if (spec.type === 'int' && !/^-?\d+$/.test(value)) {
    throw new FlagError(`invalid argument "${value}" for "${flagLabel(spec)}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`);
  }
  if (spec.type === 'bool' && !['true', 'false', '1', '0', 't', 'f', 'TRUE', 'FALSE', 'True', 'False'].includes(value)) {
    throw new FlagError(`invalid argument "${value}" for "${flagLabel(spec)}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`);
  }
  const list = values.get(spec.long) ?? [];
  if (spec.type === 'list' || spec.type === 'map') list.push(value);
  else list.splice(0, list.length, value);
  values.set(spec.long, list);
}

export function parseFlags(argv: string[], specs: FlagSpec[], interspersed: boolean): ParsedFlags {
  const values = new Map<string, string[]>();
  const args: string[] = [];
  const byLong = new Map(specs.map((s) => [s.long, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      i = parseLong(argv, i, byLong, values);
    } else if (a.startsWith('-') && a.length > 1) {
      i = parseShort(argv, i, byShort, values);
    } else if (interspersed) {
      args.push(a);
    } else {
      args.push(...argv.slice(i));
      break;
    }
  }
  return { values, args };
}

function parseLong(argv: string[], i: number, byLong: Map<string, FlagSpec>, values: Map<string, string[]>): number {
  const body = argv[i].slice(2);
  const eq = body.indexOf('=');
  const name = eq >= 0 ? body.slice(0, eq) : body;
  const spec = byLong.get(name);
  if (!spec) throw new FlagError(`unknown flag: --${name}`);
  if (eq >= 0) {
    add(values, spec, body.slice(eq + 1));
    return i;
  }
  if (spec.type === 'bool') {
    add(values, spec, 'true');
    return i;
  }
  if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: --${name}`);
  add(values, spec, argv[i + 1]);
  return i + 1;
}

function parseShort(argv: string[], i: number, byShort: Map<string, FlagSpec>, values: Map<string, string[]>): number {
  const body = argv[i].slice(1);
  for (let j = 0; j < body.length; j++) {
    const c = body[j];
    const spec = byShort.get(c);
    if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in -${body}`);
    if (spec.type === 'bool') {
      if (body[j + 1] === '=') {
        add(values, spec, body.slice(j + 2));
        return i;
      }
      add(values, spec, 'true');
      continue;
    }
    const rest = body.slice(j + 1).replace(/^=/, '');
    if (rest) {
      add(values, spec, rest);
      return i;
    }
    if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: '${c}' in -${body}`);
    add(values, spec, argv[i + 1]);
    return i + 1;
  }
  return i;
}

/** Typed accessors over parsed flags. */
export class Flags {
  constructor(private parsed: ParsedFlags) {}

  get args(): string[] {
    return this.parsed.args;
  }

  has(name: string): boolean {
    return this.parsed.values.has(name);
  }

  bool(name: string): boolean {
    const v = this.parsed.values.get(name)?.[0];
    return v !== undefined && ['true', '1', 't', 'TRUE', 'True'].includes(v);
  }

  string(name: string): string | undefined {
    return this.parsed.values.get(name)?.[0];
  }

  list(name: string): string[] {
    return this.parsed.values.get(name) ?? [];
  }

  int(name: string, fallback: number): number {
    const v = this.parsed.values.get(name)?.[0];
    return v === undefined ? fallback : Number(v);
  }
}
