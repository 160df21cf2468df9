/**
 * Executes a parsed template, ported from Go 1.24 src/text/template/exec.go: the same
 * evaluation order, the same node recorded for errors (so `template: :1:18: executing ""
 * at <.NetworkSettings.IPAddress>: map has no entry for key "IPAddress"` comes out
 * character for character), missingkey handling, and range/if/with/break/continue.
 *
 * Safety: data is only read through govalues' structField (own enumerable data
 * properties of plain objects) and Map lookups; nothing in the data is ever called, and
 * the only callable things are the entries of the function table. Steps, output and
 * function results are budgeted so a hostile template fails instead of hanging.
 */
import { GoFloat, GoIface, NIL_SLICE, isPlainObject, structField } from '../govalues';
import { toDisplay, utf8Length } from '../utf8';
import { pointerAddress, printTop, sprint } from './fmt';
import { type FuncTable, type GoFunc, FuncError, type ParamType } from './funcs';
import type {
  ActionNode,
  BranchNode,
  ChainNode,
  CommandNode,
  FieldNode,
  IdentifierNode,
  Node,
  NumberNode,
  PipeNode,
  TemplateNode,
  VariableNode,
} from './nodes';
import { nodeString } from './nodes';
import type { ParsedTemplate } from './parser';
import { quote } from './quote';
import {
  GoComplex,
  INVALID,
  indirect,
  indirectInterface,
  isTrue,
  kindOf,
  mapGet,
  mapHasStringKeys,
  mapZero,
  sliceElems,
  sortedEntries,
  toInterface,
  typeName,
} from './values';

export type MissingKey = 'default' | 'invalid' | 'zero' | 'error';

export interface ExecLimits {
  /** Evaluation steps (actions, commands, range iterations). Default 200 000. */
  maxSteps?: number;
  /** Characters of output. Default 1 MiB. */
  maxOutput?: number;
  /** Characters produced by function calls in total. Default 8 Mi. */
  maxAlloc?: number;
}

export interface ExecOptions extends ExecLimits {
  missingKey?: MissingKey;
  funcs: FuncTable;
}

export type ExecResult =
  | { ok: true; text: string }
  | {
      ok: false;
      error: string;
      /** What was written before the error. */
      partial: string;
      /** True when an emulator budget (steps, output, allocation, depth) ran out. */
      limit?: boolean;
    };

/** An execution error; the message is the complete Go error text. */
class ExecError extends Error {
  constructor(
    message: string,
    readonly limit = false,
  ) {
    super(message);
  }
}

/**
 * Go allows 100000 nested {{template}} calls, a JS stack far fewer. Only runaway
 * recursion gets that deep, so the emulator stops earlier with Go's own message.
 */
const MAX_TEMPLATE_DEPTH = 300;
const GO_MAX_EXEC_DEPTH = 100000;

const MISSING: unique symbol = Symbol('missingVal');
const BREAK: unique symbol = Symbol('walkBreak');
const CONTINUE: unique symbol = Symbol('walkContinue');

interface Variable {
  name: string;
  value: unknown;
}

const PARAM_TYPE_NAMES: Record<ParamType, string> = {
  value: 'reflect.Value',
  any: 'interface {}',
  string: 'string',
  int: 'int',
  strings: '[]string',
};

export function execute(tmpl: ParsedTemplate, data: unknown, options: ExecOptions): ExecResult {
  const s = new State(tmpl, options);
  const dot = data === undefined ? INVALID : data;
  s.vars = [{ name: '$', value: dot }];
  try {
    s.walk(dot, tmpl.root);
    return { ok: true, text: toDisplay(s.out.join('')) };
  } catch (err) {
    const partial = toDisplay(s.out.join(''));
    if (err instanceof ExecError) return { ok: false, error: toDisplay(err.message), partial, limit: err.limit };
    if (err instanceof RangeError) {
      return { ok: false, error: `template: ${tmpl.name}: emulator limit: template nests too deeply`, partial, limit: true };
    }
    throw err;
  }
}

class State {
  out: string[] = [];
  vars: Variable[] = [];
  private outLen = 0;
  private node: Node | null = null;
  private steps = 0;
  private alloc = 0;
  private readonly addresses = new Map<object, string>();
  /** The template being run: {{template "x"}} switches it (errors say executing "x"). */
  private templateName: string;
  private templateDepth = 0;
  private readonly missingKey: MissingKey;
  private readonly funcs: FuncTable;
  private readonly maxSteps: number;
  private readonly maxOutput: number;
  private readonly maxAlloc: number;

  constructor(
    private readonly tmpl: ParsedTemplate,
    options: ExecOptions,
  ) {
    this.templateName = tmpl.name;
    this.missingKey = options.missingKey ?? 'default';
    this.funcs = options.funcs;
    this.maxSteps = options.maxSteps ?? 200_000;
    this.maxOutput = options.maxOutput ?? 1 << 20;
    this.maxAlloc = options.maxAlloc ?? 8 << 20;
  }

  // ---- errors ---------------------------------------------------------------------

  private at(node: Node): void {
    this.node = node;
  }

  /** The Go error text for `msg` at the current node (Template.ErrorContext). */
  message(msg: string): string {
    const name = this.templateName;
    const node = this.node;
    if (!node) return `template: ${name}: ${msg}`;
    const before = this.tmpl.text.slice(0, node.pos);
    const nl = before.lastIndexOf('\n');
    const byteNum = utf8Length(nl < 0 ? before : before.slice(nl + 1));
    const lineNum = 1 + (before.match(/\n/g)?.length ?? 0);
    const location = `${this.tmpl.name}:${lineNum}:${byteNum}`;
    return `template: ${location}: executing ${quote(name)} at <${nodeString(node)}>: ${msg}`;
  }

  private errorf(msg: string): never {
    throw new ExecError(this.message(msg));
  }

  /** Budgets are the emulator's own safety net, not Go behaviour; say so in the text. */
  private limitf(msg: string): never {
    throw new ExecError(`template: ${this.templateName}: emulator limit: ${msg}`, true);
  }

  private tick(): void {
    if (++this.steps > this.maxSteps) this.limitf(`more than ${this.maxSteps} evaluation steps`);
  }

  private write(text: string): void {
    this.outLen += text.length;
    if (this.outLen > this.maxOutput) this.limitf(`output exceeds ${this.maxOutput} characters`);
    this.out.push(text);
  }

  private reserve(n: number): void {
    this.alloc += n;
    if (this.alloc > this.maxAlloc) this.limitf(`functions produced more than ${this.maxAlloc} characters`);
  }

  private addressOf = (obj: object): string => {
    let a = this.addresses.get(obj);
    if (!a) {
      a = pointerAddress(this.addresses.size);
      this.addresses.set(obj, a);
    }
    return a;
  };

  // ---- variables ------------------------------------------------------------------

  private setVar(name: string, value: unknown): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) {
        this.vars[i].value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private setTopVar(n: number, value: unknown): void {
    this.vars[this.vars.length - n].value = value;
  }

  private varValue(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i].value;
    return this.errorf(`undefined variable: ${name}`);
  }

  // ---- walking ----------------------------------------------------------------------

  walk(dot: unknown, node: Node): void {
    this.tick();
    this.at(node);
    switch (node.type) {
      case 'action':
        this.walkAction(dot, node);
        return;
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
      case 'comment':
        return;
      case 'if':
      case 'with':
        this.walkIfOrWith(dot, node);
        return;
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range':
        this.walkRange(dot, node);
        return;
      case 'template':
        this.walkTemplate(dot, node);
        return;
      case 'text':
        this.write(node.text);
        return;
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  /** {{template "name" pipeline}}: runs the named tree with the pipeline as dot and $. */
  private walkTemplate(dot: unknown, t: TemplateNode): void {
    this.at(t);
    const tree = this.tmpl.trees.get(t.name);
    if (!tree) this.errorf(`template ${quote(t.name)} not defined`);
    if (this.templateDepth >= MAX_TEMPLATE_DEPTH) this.errorf(`exceeded maximum template depth (${GO_MAX_EXEC_DEPTH})`);
    // Variables declared by the pipeline persist.
    const newDot = t.pipe ? this.evalPipeline(dot, t.pipe) : INVALID;
    const saved = { vars: this.vars, name: this.templateName };
    // No dynamic scoping: template invocations inherit no variables.
    this.vars = [{ name: '$', value: newDot }];
    this.templateName = t.name;
    this.templateDepth++;
    try {
      this.walk(newDot, tree);
    } finally {
      this.vars = saved.vars;
      this.templateName = saved.name;
      this.templateDepth--;
    }
  }

  private walkAction(dot: unknown, node: ActionNode): void {
    // Do not pop variables so they persist until next end.
    const val = this.evalPipeline(dot, node.pipe);
    if (node.pipe.decl.length === 0) this.printValue(node, val);
  }

  private printValue(node: Node, v: unknown): void {
    this.at(node);
    if (kindOf(v) === 'opaque') this.errorf(`can't print ${nodeString(node)} of type ${typeName(v)}`);
    this.write(v === INVALID ? '<no value>' : printTop(v, this.addressOf));
  }

  private walkIfOrWith(dot: unknown, node: BranchNode): void {
    const mark = this.vars.length;
    try {
      const val = this.evalPipeline(dot, node.pipe);
      const [truth, ok] = isTrue(indirectInterface(val));
      if (!ok) this.errorf(`if/with can't use ${sprint([toInterface(val)])}`);
      if (truth) this.walk(node.type === 'with' ? val : dot, node.list);
      else if (node.elseList) this.walk(dot, node.elseList);
    } finally {
      this.vars.length = mark;
    }
  }

  private walkRange(dot: unknown, r: BranchNode): void {
    this.at(r);
    const mark = this.vars.length;
    try {
      const val = indirect(this.evalPipeline(dot, r.pipe)).value;
      const bodyMark = this.vars.length;
      const iteration = (index: unknown, elem: unknown): void => this.rangeIteration(r, bodyMark, index, elem);
      if (!this.rangeOver(r, val, iteration) && r.elseList) this.walk(dot, r.elseList);
    } catch (err) {
      if (err !== BREAK) throw err;
    } finally {
      this.vars.length = mark;
    }
  }

  /** Runs the iterations; false when there were none (so {{else}} runs). */
  private rangeOver(r: BranchNode, val: unknown, iteration: (i: unknown, e: unknown) => void): boolean {
    switch (kindOf(val)) {
      case 'slice': {
        const elems = sliceElems(val as unknown[]);
        elems.forEach((e, i) => iteration(i, e));
        return elems.length > 0;
      }
      case 'map': {
        const entries = sortedEntries(val as Map<unknown, unknown>);
        for (const [k, e] of entries) iteration(k, e);
        return entries.length > 0;
      }
      case 'int': {
        if (r.pipe.decl.length > 1) this.errorf(`can't use ${sprint([val])} to iterate over more than one variable`);
        const n = Number(val);
        for (let i = 0; i < n; i++) iteration(INVALID, i);
        return n > 0;
      }
      case 'invalid':
      case 'nil':
        // An invalid value is likely a nil map, etc. Not an error. (A null in emulator
        // data usually stands for a nil slice, so it ranges as empty too.)
        return false;
      default:
        return this.errorf(`range can't iterate over ${sprint([toInterface(val)])}`);
    }
  }

  private rangeIteration(r: BranchNode, bodyMark: number, index: unknown, elem: unknown): void {
    this.tick();
    const decl = r.pipe.decl;
    if (decl.length > 0) {
      if (r.pipe.isAssign) this.setVar(decl[0].ident[0], decl.length > 1 ? index : elem);
      else this.setTopVar(1, elem);
    }
    if (decl.length > 1) {
      if (r.pipe.isAssign) this.setVar(decl[1].ident[0], elem);
      else this.setTopVar(2, index);
    }
    try {
      this.walk(elem, r.list);
    } catch (err) {
      if (err !== CONTINUE) throw err;
    } finally {
      this.vars.length = bodyMark;
    }
  }

  // ---- evaluation ---------------------------------------------------------------------

  private evalPipeline(dot: unknown, pipe: PipeNode): unknown {
    this.at(pipe);
    let value: unknown = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      // If the object has type interface{}, dig down one level to the thing inside.
      if (value instanceof GoIface) value = value.inner === null || value.inner === undefined ? INVALID : value.inner;
    }
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0], value);
      else this.vars.push({ name: v.ident[0], value });
    }
    return value;
  }

  private notAFunction(args: Node[] | null, final: unknown): void {
    if ((args && args.length > 1) || final !== MISSING) {
      this.errorf(`can't give argument to non-function ${nodeString((args as Node[])[0])}`);
    }
  }

  private evalCommand(dot: unknown, cmd: CommandNode, final: unknown): unknown {
    this.tick();
    const first = cmd.args[0];
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, cmd.args, final);
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        return this.errorf('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
    }
    return this.errorf(`can't evaluate command ${quote(nodeString(first))}`);
  }

  private idealConstant(n: NumberNode): unknown {
    this.at(n);
    if (n.isComplex) return new GoComplex(n.re, n.im);
    const hexInt = /^[+-]?0[xX]/.test(n.text) && !/[pP]/.test(n.text);
    if (n.isFloat && !hexInt && n.text[0] !== "'" && /[.eEpP]/.test(n.text)) return floatConstant(n.float);
    if (n.isInt) return n.int;
    if (n.isUint) this.errorf(`${n.text} overflows int`);
    return INVALID;
  }

  private evalFieldNode(dot: unknown, field: FieldNode, args: Node[] | null, final: unknown): unknown {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  private evalChainNode(dot: unknown, chain: ChainNode, args: Node[] | null, final: unknown): unknown {
    this.at(chain);
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    // (pipe).Field1.Field2 has pipe as .Node, fields as .Field. Eval the pipeline, then the fields.
    const pipe = this.evalArg(dot, null, chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  private evalVariableNode(dot: unknown, v: VariableNode, args: Node[] | null, final: unknown): unknown {
    this.at(v);
    const value = this.varValue(v.ident[0]);
    if (v.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  private evalFieldChain(
    dot: unknown,
    receiver: unknown,
    node: Node,
    ident: string[],
    args: Node[] | null,
    final: unknown,
  ): unknown {
    const n = ident.length;
    for (let i = 0; i < n - 1; i++) receiver = this.evalField(ident[i], null, MISSING, receiver);
    return this.evalField(ident[n - 1], args, final, receiver);
  }

  /** One `.Name` step: a struct field or a map entry (data has no methods). */
  private evalField(fieldName: string, args: Node[] | null, final: unknown, receiver: unknown): unknown {
    if (receiver === INVALID) {
      if (this.missingKey === 'error') this.errorf(`nil data; no entry for key ${quote(fieldName)}`);
      return INVALID;
    }
    const typ = typeName(receiver);
    const { value, isNil } = indirect(receiver);
    if (isNil && receiver instanceof GoIface) this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    const kind = kindOf(value);
    if (kind === 'struct' && isPlainObject(value)) {
      const field = structField(value, fieldName);
      if (field.found) {
        if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
        return field.value;
      }
    } else if (kind === 'map' && mapHasStringKeys(value as Map<unknown, unknown>)) {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      const got = mapGet(value as Map<unknown, unknown>, fieldName);
      if (got.found) return got.value;
      if (this.missingKey === 'zero') return mapZero(value as Map<unknown, unknown>);
      if (this.missingKey === 'error') this.errorf(`map has no entry for key ${quote(fieldName)}`);
      return INVALID;
    } else if (isNil) {
      this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
    }
    return this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  private evalFunction(
    dot: unknown,
    node: IdentifierNode,
    cmd: Node,
    args: Node[] | null,
    final: unknown,
  ): unknown {
    this.at(node);
    const fn = this.funcs.get(node.ident);
    if (!fn) this.errorf(`${quote(node.ident)} is not a defined function`);
    return this.evalCall(dot, fn, node.ident, cmd, args, final);
  }

  private evalCall(dot: unknown, fn: GoFunc, name: string, node: Node, args: Node[] | null, final: unknown): unknown {
    const argNodes = args ? args.slice(1) : [];
    const numIn = argNodes.length + (final !== MISSING ? 1 : 0);
    const numFixed = fn.variadic ? fn.params.length : argNodes.length;
    if (fn.variadic) {
      if (numIn < numFixed) {
        this.errorf(`wrong number of args for ${name}: want at least ${fn.params.length} got ${argNodes.length}`);
      }
    } else if (numIn !== fn.params.length) {
      this.errorf(`wrong number of args for ${name}: want ${fn.params.length} got ${numIn}`);
    }
    if (name === 'and' || name === 'or') return this.evalAndOr(dot, name, argNodes, final);
    const argv: unknown[] = [];
    let i = 0;
    for (; i < numFixed && i < argNodes.length; i++) argv.push(this.evalArg(dot, fn.params[i], argNodes[i]));
    for (; fn.variadic && i < argNodes.length; i++) argv.push(this.evalArg(dot, fn.variadic, argNodes[i]));
    if (final !== MISSING) {
      const last = fn.variadic && numIn - 1 >= numFixed ? fn.variadic : fn.params[numIn - 1];
      argv.push(this.validateType(final, last));
    }
    if (name === 'call') return this.callBuiltin(node, argNodes, argv);
    let result: unknown;
    try {
      result = fn.fn(argv, { addressOf: this.addressOf, reserve: (n) => this.reserve(n) });
    } catch (err) {
      if (!(err instanceof FuncError)) throw err;
      this.at(node);
      this.errorf(`error calling ${name}: ${err.message}`);
    }
    this.charge(result);
    return result;
  }

  private charge(result: unknown): void {
    if (typeof result === 'string') this.reserve(result.length);
    else if (Array.isArray(result)) this.reserve(result.length);
  }

  /** `and`/`or` evaluate arguments left to right and stop at the deciding one. */
  private evalAndOr(dot: unknown, name: string, argNodes: Node[], final: unknown): unknown {
    let v: unknown = INVALID;
    for (const arg of argNodes) {
      v = this.evalArg(dot, 'value', arg);
      if (isTrue(indirectInterface(v))[0] === (name === 'or')) return v;
    }
    if (final !== MISSING) v = this.validateType(final, 'value');
    return v;
  }

  /** `call` needs a function value; emulator data never holds one. */
  private callBuiltin(node: Node, argNodes: Node[], argv: unknown[]): never {
    const fnValue = indirectInterface(argv[0]);
    const msg =
      fnValue === INVALID
        ? 'call of nil'
        : `non-function ${nodeString(argNodes[0] ?? node)} of type ${typeName(fnValue)}`;
    this.at(node);
    this.errorf(`error calling call: ${msg}`);
  }

  private evalArg(dot: unknown, typ: ParamType | null, n: Node): unknown {
    this.at(n);
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, typ);
      case 'nil':
        if (typ === null || typ === 'value' || typ === 'any' || typ === 'strings') return this.validateType(INVALID, typ);
        return this.errorf(`cannot assign nil to ${PARAM_TYPE_NAMES[typ]}`);
      case 'field':
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ);
      case 'variable':
        return this.validateType(this.evalVariableNode(dot, n, null, MISSING), typ);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), typ);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, null, MISSING), typ);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, null, MISSING), typ);
    }
    return this.evalConstantArg(n, typ);
  }

  private evalConstantArg(n: Node, typ: ParamType | null): unknown {
    switch (typ) {
      case 'int':
        if (n.type === 'number' && n.isInt) return n.int;
        return this.errorf(`expected integer; found ${nodeString(n)}`);
      case 'string':
        if (n.type === 'string') return n.text;
        return this.errorf(`expected string; found ${nodeString(n)}`);
      case 'strings':
        return this.errorf(`can't handle ${nodeString(n)} for arg of type []string`);
    }
    // reflect.Value and interface{} parameters take any constant (evalEmptyInterface).
    this.at(n);
    switch (n.type) {
      case 'bool':
        return n.value;
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return n.text;
    }
    return this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }

  /** validateType: checks a value against a parameter type, converting as Go would. */
  private validateType(value: unknown, typ: ParamType | null): unknown {
    if (value === INVALID) {
      if (typ === null || typ === 'value') return INVALID;
      if (typ === 'any') return null;
      if (typ === 'strings') return NIL_SLICE;
      return this.errorf(`invalid value; expected ${PARAM_TYPE_NAMES[typ]}`);
    }
    if (typ === null || typ === 'value') return value;
    if (typ === 'any') return toInterface(value);
    if (assignable(value, typ)) return value;
    if (value instanceof GoIface && value.inner !== null && value.inner !== undefined) {
      value = value.inner;
      if (assignable(value, typ)) return value;
    }
    return this.errorf(`wrong type for value; expected ${PARAM_TYPE_NAMES[typ]}; got ${typeName(value)}`);
  }
}

function assignable(value: unknown, typ: 'string' | 'int' | 'strings'): boolean {
  if (typ === 'string') return typeof value === 'string';
  if (typ === 'int') return kindOf(value) === 'int';
  if (value === NIL_SLICE) return true;
  return typeName(value) === '[]string';
}

/** A float constant stays float64 even when whole: {{1e6}} prints 1e+06. */
function floatConstant(f: number): GoFloat {
  return new GoFloat(f);
}
