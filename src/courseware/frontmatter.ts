/**
 * Reads a lesson's MDX frontmatter outside Astro (the exercise proofs run in
 * vitest). `loadYaml` prefers a real YAML parser — the `yaml` package, else
 * `js-yaml` (the one Astro itself parses frontmatter with) — and falls back to
 * `parseYamlSubset`, which covers what lesson frontmatter uses: nested
 * mappings, lists, quoted and plain scalars, flow lists and `|`/`>` blocks.
 */

/** The YAML between the leading `---` lines, or undefined when there is none. */
export function extractFrontmatter(source: string): string | undefined {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/.exec(source);
  return m ? m[1] : undefined;
}

type YamlParse = (text: string) => unknown;

async function realParser(): Promise<YamlParse | undefined> {
  // Variable specifiers: neither package is a declared dependency, so the
  // bundler and the compiler must not insist on them.
  for (const [pkg, fn] of [['yaml', 'parse'], ['js-yaml', 'load']] as const) {
    try {
      const mod = (await import(/* @vite-ignore */ pkg)) as Record<string, unknown> & { default?: Record<string, unknown> };
      const parse = mod[fn] ?? mod.default?.[fn];
      if (typeof parse === 'function') return (text) => (parse as YamlParse)(text);
    } catch {
      // Not installed: try the next one.
    }
  }
  return undefined;
}

export async function loadYaml(text: string): Promise<unknown> {
  const parse = await realParser();
  return parse ? parse(text) : parseYamlSubset(text);
}

interface Line { indent: number; text: string; no: number }

function stripComment(text: string): string {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) { if (ch === quote) quote = ''; continue; }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]))) return text.slice(0, i).trimEnd();
  }
  return text.trimEnd();
}

function splitFlow(inner: string): string[] {
  const items: string[] = [];
  let cur = '';
  let quote = '';
  for (const ch of inner) {
    if (quote) { cur += ch; if (ch === quote) quote = ''; continue; }
    if (ch === '"' || ch === "'") quote = ch;
    if (ch === ',') { items.push(cur.trim()); cur = ''; } else cur += ch;
  }
  if (cur.trim()) items.push(cur.trim());
  return items;
}

export function parseScalar(raw: string): unknown {
  const t = raw.trim();
  if (t.startsWith('"')) return JSON.parse(t);
  if (t.startsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
  if (t.startsWith('[') && t.endsWith(']')) return splitFlow(t.slice(1, -1)).map(parseScalar);
  if (t === '' || t === '~' || t === 'null') return null;
  if (t === 'true' || t === 'false') return t === 'true';
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  return t;
}

class SubsetParser {
  private i = 0;
  constructor(private readonly lines: Line[]) {}

  parse(): unknown {
    return this.lines.length ? this.block(this.lines[0].indent) : null;
  }

  private fail(line: Line, what: string): never {
    throw new Error(`frontmatter line ${line.no}: ${what}: ${line.text}`);
  }

  private block(indent: number): unknown {
    return this.lines[this.i].text.startsWith('- ') || this.lines[this.i].text === '-' ? this.list(indent) : this.map(indent);
  }

  private list(indent: number): unknown[] {
    const out: unknown[] = [];
    while (this.i < this.lines.length && this.lines[this.i].indent === indent && /^-( |$)/.test(this.lines[this.i].text)) {
      const line = this.lines[this.i++];
      const rest = line.text.slice(1).trim();
      if (rest === '') out.push(this.nested(indent));
      else if (/^[^"'[][^:]*:( |$)/.test(rest)) this.fail(line, 'mappings inside lists are not supported by the fallback parser');
      else out.push(parseScalar(rest));
    }
    return out;
  }

  private map(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    while (this.i < this.lines.length && this.lines[this.i].indent === indent) {
      const line = this.lines[this.i++];
      const m = /^("[^"]*"|'[^']*'|[^:]+?):( +(.*)|)$/.exec(line.text);
      if (!m) this.fail(line, 'expected "key: value"');
      const key = String(parseScalar(m[1]));
      const value = (m[3] ?? '').trim();
      if (value === '|' || value === '>' || value === '|-' || value === '>-') out[key] = this.blockScalar(indent, value);
      else out[key] = value === '' ? this.nested(indent) : parseScalar(value);
    }
    return out;
  }

  /** The indented block after `key:` or `-`; a list may sit at the key's own indent, as YAML allows. */
  private nested(indent: number): unknown {
    const next = this.lines[this.i];
    if (!next) return null;
    if (next.indent > indent) return this.block(next.indent);
    if (next.indent === indent && /^-( |$)/.test(next.text)) return this.list(indent);
    return null;
  }

  private blockScalar(indent: number, style: string): string {
    const parts: string[] = [];
    while (this.i < this.lines.length && this.lines[this.i].indent > indent) parts.push(this.lines[this.i++].text);
    const text = style.startsWith('|') ? parts.join('\n') : parts.join(' ');
    return style.endsWith('-') ? text : `${text}\n`;
  }
}

/** A small YAML reader for frontmatter; throws an Error naming the line for anything it does not cover. */
export function parseYamlSubset(text: string): unknown {
  const lines: Line[] = [];
  text.split(/\r?\n/).forEach((raw, idx) => {
    const body = stripComment(raw);
    if (body.trim() === '') return;
    if (/^\s*\t/.test(body)) throw new Error(`frontmatter line ${idx + 1}: tabs are not allowed for indentation in YAML`);
    lines.push({ indent: body.length - body.trimStart().length, text: body.trim(), no: idx + 1 });
  });
  return new SubsetParser(lines).parse();
}
