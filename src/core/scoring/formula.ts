/**
 * The formula language a Product Owner writes custom scores in, and that the built-in models are written in
 * too, so every score is explained the same way.
 *
 * Grammar (a hand-written lexer and a Pratt parser; nothing is ever `eval`ed):
 *
 *   expr    := expr ('+' | '-' | '−') expr          precedence 1, left-associative
 *            | expr ('*' | '×' | '/' | '÷') expr    precedence 2, left-associative
 *            | ('-' | '−') expr                     unary minus, binds tighter than * and /
 *            | '(' expr ')'
 *            | ('min' | 'max') '(' expr (',' expr)* ')'   function names are case-insensitive
 *            | number      digits with an optional fraction and exponent: 3, 0.5, .5, 1e6, 2.5E-3
 *            | name        an input: `businessValue`, `storyPoints`, a custom input name (case-sensitive)
 *            | "quoted"    an input by its label, case- and space-insensitive: "Business Value"
 *
 * Limits: at most {@link MAX_FORMULA_LENGTH} characters and {@link MAX_FORMULA_DEPTH} levels of nesting.
 * Columns in error messages are 1-based character offsets into the text.
 *
 * Evaluation needs every input the formula names (a formula that names an input needs its value); a division
 * by zero or a result that is not a finite number leaves the issue unscored, with the sub-expression named.
 */

export const MAX_FORMULA_LENGTH = 500;
export const MAX_FORMULA_DEPTH = 50;

export type BinaryOp = '+' | '-' | '*' | '/';
export type FunctionName = 'min' | 'max';

/** The syntax tree. Parentheses leave no node: `(a + b) * c` is `*` over `+` and `c`. */
export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'input'; name: string }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'bin'; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'call'; fn: FunctionName; args: Expr[] };

export interface KnownInput {
  /** The identifier used in formulas, e.g. `businessValue`. */
  name: string;
  /** The human label a quoted name may use, e.g. `Business Value`. */
  label?: string | undefined;
}

export interface Formula {
  /** The text as written. */
  text: string;
  ast: Expr;
  /** The inputs the formula names, in order of first appearance. */
  inputs: readonly string[];
  /** The canonical text, {@link formatFormula} of the tree. */
  canonical: string;
  /** Evaluates with values in the order of `inputs`; a division by zero yields NaN. */
  readonly run: (values: ArrayLike<number>) => number;
}

export interface FormulaError {
  message: string;
  /** 1-based column the problem was found at. */
  column: number;
}

export type CompileResult = { ok: true; formula: Formula } | { ok: false; error: FormulaError };

export type EvalResult =
  | { ok: true; value: number }
  | { ok: false; kind: 'missing'; reason: string; missing: string[] }
  | { ok: false; kind: 'division-by-zero' | 'non-finite'; reason: string; expression: string };

// ---------------------------------------------------------------------------------------------------------
// Lexer

type Token =
  | { type: 'num'; value: number; text: string; col: number }
  | { type: 'ident'; text: string; col: number }
  | { type: 'quoted'; text: string; col: number }
  | { type: 'op'; op: BinaryOp; text: string; col: number }
  | { type: '(' | ')' | ','; text: string; col: number }
  | { type: 'end'; text: ''; col: number };

class FormulaSyntaxError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

const OPERATORS: Record<string, BinaryOp> = {
  '+': '+',
  '-': '-',
  '\u2212': '-', // − minus sign
  '*': '*',
  '\u00d7': '*', // ×
  '\u22c5': '*', // ⋅ dot operator
  '/': '/',
  '\u00f7': '/', // ÷
};

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isIdentStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isIdentPart = (c: number): boolean => isIdentStart(c) || isDigit(c);
const isSpace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
const NUMBER = /(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const QUOTES: Record<string, string> = { '"': '"', '\u201c': '\u201d' };

class Lexer {
  private pos = 0;
  private peeked: Token | undefined;

  constructor(private readonly src: string) {}

  peek(): Token {
    this.peeked ??= this.scan();
    return this.peeked;
  }

  next(): Token {
    const token = this.peek();
    this.peeked = undefined;
    return token;
  }

  private scan(): Token {
    const src = this.src;
    while (this.pos < src.length && isSpace(src[this.pos] as string)) this.pos += 1;
    const start = this.pos;
    const col = start + 1;
    if (start >= src.length) return { type: 'end', text: '', col };
    const ch = src[start] as string;
    const code = src.charCodeAt(start);
    if (isDigit(code) || (ch === '.' && isDigit(src.charCodeAt(start + 1)))) {
      NUMBER.lastIndex = start;
      const m = NUMBER.exec(src);
      const text = m ? m[0] : ch;
      this.pos = start + text.length;
      const value = Number(text);
      if (!Number.isFinite(value))
        throw new FormulaSyntaxError(`Number "${text}" is too large at column ${col}`, col);
      return { type: 'num', value, text, col };
    }
    if (isIdentStart(code)) {
      let end = start + 1;
      while (end < src.length && isIdentPart(src.charCodeAt(end))) end += 1;
      this.pos = end;
      return { type: 'ident', text: src.slice(start, end), col };
    }
    const close = QUOTES[ch];
    if (close !== undefined) {
      const end = src.indexOf(close, start + 1);
      if (end < 0)
        throw new FormulaSyntaxError(`Missing closing ${close} for the name opened at column ${col}`, col);
      this.pos = end + 1;
      return { type: 'quoted', text: src.slice(start + 1, end), col };
    }
    const op = OPERATORS[ch];
    if (op !== undefined) {
      this.pos = start + 1;
      return { type: 'op', op, text: ch, col };
    }
    if (ch === '(' || ch === ')' || ch === ',') {
      this.pos = start + 1;
      return { type: ch, text: ch, col };
    }
    const point = String.fromCodePoint(src.codePointAt(start) ?? code);
    throw new FormulaSyntaxError(`Unexpected character "${point}" at column ${col}`, col);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Parser

const PRECEDENCE: Record<BinaryOp, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };
const UNARY_PRECEDENCE = 3;
const FUNCTIONS: readonly FunctionName[] = ['min', 'max'];

const normalizeLabel = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

interface InputTable {
  names: ReadonlySet<string>;
  /** Normalized label or name → input name. */
  labels: ReadonlyMap<string, string>;
  /** What to suggest from: identifiers and labels. */
  all: readonly KnownInput[];
}

function inputTable(known: ReadonlyArray<string | KnownInput>): InputTable {
  const all = known.map((k) => (typeof k === 'string' ? { name: k } : k));
  const names = new Set(all.map((k) => k.name));
  const labels = new Map<string, string>();
  for (const k of all) {
    if (k.label !== undefined && !labels.has(normalizeLabel(k.label)))
      labels.set(normalizeLabel(k.label), k.name);
  }
  for (const k of all) if (!labels.has(normalizeLabel(k.name))) labels.set(normalizeLabel(k.name), k.name);
  return { names, labels, all };
}

/** Levenshtein distance, case-insensitive. */
function distance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost));
    }
    prev = row;
  }
  return prev[b.length] as number;
}

/** The closest known spelling, if it is close enough to be a likely typo. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < bestScore && d <= Math.ceil(Math.max(word.length, c.length) / 2)) {
      best = c;
      bestScore = d;
    }
  }
  return best;
}

class Parser {
  private readonly lexer: Lexer;

  constructor(
    text: string,
    private readonly inputs: InputTable,
  ) {
    this.lexer = new Lexer(text);
  }

  parse(): Expr {
    const expr = this.expression(0, 0);
    const rest = this.lexer.peek();
    if (rest.type !== 'end') throw this.unexpected(rest);
    return expr;
  }

  private unexpected(token: Token): FormulaSyntaxError {
    if (token.type === 'end')
      return new FormulaSyntaxError(`Unexpected end of formula at column ${token.col}`, token.col);
    return new FormulaSyntaxError(`Unexpected "${token.text}" at column ${token.col}`, token.col);
  }

  private expression(minPrecedence: number, depth: number): Expr {
    let left = this.prefix(depth);
    for (;;) {
      const token = this.lexer.peek();
      if (token.type !== 'op') return left;
      const precedence = PRECEDENCE[token.op];
      if (precedence <= minPrecedence) return left;
      this.lexer.next();
      const right = this.expression(precedence, depth);
      left = { kind: 'bin', op: token.op, left, right };
    }
  }

  private prefix(depth: number): Expr {
    const token = this.lexer.next();
    if (depth > MAX_FORMULA_DEPTH)
      throw new FormulaSyntaxError(
        `Formula nests too deeply (more than ${MAX_FORMULA_DEPTH} levels) at column ${token.col}`,
        token.col,
      );
    switch (token.type) {
      case 'num':
        return { kind: 'num', value: token.value };
      case 'op':
        if (token.op !== '-') throw this.unexpected(token);
        return { kind: 'neg', arg: this.expression(UNARY_PRECEDENCE - 1, depth + 1) };
      case '(': {
        const inner = this.expression(0, depth + 1);
        this.close(token);
        return inner;
      }
      case 'quoted': {
        const name = this.inputs.labels.get(normalizeLabel(token.text));
        if (name !== undefined) return { kind: 'input', name };
        const labels = this.inputs.all.map((k) => k.label ?? k.name);
        throw this.unknownInput(token.text, token.col, labels);
      }
      case 'ident':
        return this.identifier(token, depth);
      default:
        throw this.unexpected(token);
    }
  }

  private identifier(token: Token & { type: 'ident' }, depth: number): Expr {
    const isCall = this.lexer.peek().type === '(';
    const fn = FUNCTIONS.find((f) => f === token.text.toLowerCase());
    if (fn !== undefined) {
      const open = this.lexer.next();
      if (open.type !== '(') {
        throw new FormulaSyntaxError(`Expected "(" after "${token.text}" at column ${open.col}`, open.col);
      }
      if (this.lexer.peek().type === ')')
        throw new FormulaSyntaxError(
          `${fn}() needs at least one value at column ${this.lexer.peek().col}`,
          this.lexer.peek().col,
        );
      const args = [this.expression(0, depth + 1)];
      while (this.lexer.peek().type === ',') {
        this.lexer.next();
        args.push(this.expression(0, depth + 1));
      }
      this.close(open);
      return { kind: 'call', fn, args };
    }
    if (isCall)
      throw new FormulaSyntaxError(
        `Unknown function "${token.text}" at column ${token.col} (functions: ${FUNCTIONS.join(', ')})`,
        token.col,
      );
    if (this.inputs.names.has(token.text)) return { kind: 'input', name: token.text };
    throw this.unknownInput(
      token.text,
      token.col,
      this.inputs.all.map((k) => k.name),
    );
  }

  private unknownInput(name: string, col: number, candidates: readonly string[]): FormulaSyntaxError {
    const hint = suggest(name, candidates);
    const tail = hint !== undefined ? ` (did you mean "${hint}"?)` : '';
    return new FormulaSyntaxError(`Unknown input "${name}" at column ${col}${tail}`, col);
  }

  private close(open: Token): void {
    const token = this.lexer.next();
    if (token.type === ')') return;
    throw new FormulaSyntaxError(
      `Expected ")" to close "(" opened at column ${open.col}, found ${
        token.type === 'end' ? 'the end of the formula' : `"${token.text}"`
      } at column ${token.col}`,
      token.col,
    );
  }
}

/** Parses a formula; the result carries the first error with its column. Never throws. */
export function parseFormula(
  text: string,
  knownInputs: ReadonlyArray<string | KnownInput>,
): { ok: true; ast: Expr } | { ok: false; error: FormulaError } {
  if (typeof text !== 'string') return { ok: false, error: { message: 'A formula must be text', column: 1 } };
  if (text.length > MAX_FORMULA_LENGTH)
    return {
      ok: false,
      error: {
        message: `Formula is too long (${text.length} characters; at most ${MAX_FORMULA_LENGTH}) at column ${
          MAX_FORMULA_LENGTH + 1
        }`,
        column: MAX_FORMULA_LENGTH + 1,
      },
    };
  if (text.trim() === '') return { ok: false, error: { message: 'The formula is empty', column: 1 } };
  try {
    return { ok: true, ast: new Parser(text, inputTable(knownInputs)).parse() };
  } catch (e) {
    if (e instanceof FormulaSyntaxError)
      return { ok: false, error: { message: e.message, column: e.column } };
    /* istanbul ignore next: only a RangeError from a runaway stack could land here */
    return { ok: false, error: { message: `Formula could not be read: ${String(e)}`, column: 1 } };
  }
}

/** Compiles a formula for fast repeated evaluation. Never throws; an error names its column. */
export function compileFormula(text: string, knownInputs: ReadonlyArray<string | KnownInput>): CompileResult {
  const parsed = parseFormula(text, knownInputs);
  if (!parsed.ok) return parsed;
  return { ok: true, formula: formulaFromAst(parsed.ast, text) };
}

/** Builds a {@link Formula} from a tree (the built-in models are trees, not text). */
export function formulaFromAst(ast: Expr, text?: string): Formula {
  const inputs = inputsOf(ast);
  const index = new Map(inputs.map((name, i) => [name, i]));
  const canonical = formatFormula(ast);
  return { text: text ?? canonical, ast, inputs, canonical, run: compileNode(ast, index) };
}

/** The inputs a tree names, in order of first appearance. */
export function inputsOf(ast: Expr): string[] {
  const seen = new Set<string>();
  const walk = (e: Expr): void => {
    switch (e.kind) {
      case 'input':
        seen.add(e.name);
        return;
      case 'neg':
        return walk(e.arg);
      case 'bin':
        walk(e.left);
        return walk(e.right);
      case 'call':
        return e.args.forEach(walk);
      default:
        return;
    }
  };
  walk(ast);
  return [...seen];
}

type Run = (v: ArrayLike<number>) => number;

function compileNode(e: Expr, index: ReadonlyMap<string, number>): Run {
  switch (e.kind) {
    case 'num': {
      const c = e.value;
      return () => c;
    }
    case 'input': {
      const i = index.get(e.name) as number;
      return (v) => v[i] as number;
    }
    case 'neg': {
      const a = compileNode(e.arg, index);
      return (v) => -a(v);
    }
    case 'bin': {
      const l = compileNode(e.left, index);
      const r = compileNode(e.right, index);
      switch (e.op) {
        case '+':
          return (v) => l(v) + r(v);
        case '-':
          return (v) => l(v) - r(v);
        case '*':
          return (v) => l(v) * r(v);
        case '/':
          // NaN marks a division by zero; it survives every later operation, min and max included.
          return (v) => {
            const d = r(v);
            return d === 0 ? NaN : l(v) / d;
          };
      }
      break;
    }
    case 'call': {
      const args = e.args.map((a) => compileNode(a, index));
      const pick = e.fn === 'min' ? Math.min : Math.max;
      if (args.length === 1) return args[0] as Run;
      return (v) => {
        let acc = (args[0] as Run)(v);
        for (let i = 1; i < args.length; i += 1) acc = pick(acc, (args[i] as Run)(v));
        return acc;
      };
    }
  }
  /* istanbul ignore next */
  throw new Error('unreachable');
}

// ---------------------------------------------------------------------------------------------------------
// Printing

/** How a number is written in a formula: exact (JavaScript's shortest round-trip form), negatives in parens. */
export function formatLiteral(value: number): string {
  if (Object.is(value, -0)) return '0';
  return value < 0 ? `(${String(value)})` : String(value);
}

const precedenceOf = (e: Expr): number =>
  e.kind === 'bin' ? PRECEDENCE[e.op] : e.kind === 'neg' ? UNARY_PRECEDENCE : 4;

/**
 * Prints a tree canonically: ASCII operators with spaces, `min(a, b)`, and only the parentheses the tree needs
 * (a right operand of equal precedence keeps its parentheses: `a - (b - c)`). Re-parsing gives the same tree.
 * `value` may replace each input by text (the explanation's substituted line).
 */
export function formatFormula(ast: Expr, value?: (name: string) => string): string {
  const print = (e: Expr): string => {
    switch (e.kind) {
      case 'num':
        return formatLiteral(e.value);
      case 'input':
        return value ? value(e.name) : e.name;
      case 'neg': {
        const inner = print(e.arg);
        return e.arg.kind === 'bin' || e.arg.kind === 'neg' || (e.arg.kind === 'num' && e.arg.value < 0)
          ? `-(${inner})`
          : `-${inner}`;
      }
      case 'bin': {
        const p = PRECEDENCE[e.op];
        const l = print(e.left);
        const r = print(e.right);
        const left = precedenceOf(e.left) < p ? `(${l})` : l;
        const right = precedenceOf(e.right) <= p ? `(${r})` : r;
        return `${left} ${e.op} ${right}`;
      }
      case 'call':
        return `${e.fn}(${e.args.map(print).join(', ')})`;
    }
  };
  return print(ast);
}

/**
 * A printer for the substituted line, prepared once per formula: the canonical text split around its inputs,
 * so each issue costs one join rather than a tree walk.
 */
export function substitution(ast: Expr, inputs: readonly string[]): (values: readonly string[]) => string {
  const marker = '\u0000';
  const text = formatFormula(ast, (name) => `${marker}${inputs.indexOf(name)}${marker}`);
  const parts = text.split(marker);
  return (values) => {
    let out = parts[0] as string;
    for (let i = 1; i < parts.length; i += 2)
      out += (values[Number(parts[i])] as string) + (parts[i + 1] as string);
    return out;
  };
}

// ---------------------------------------------------------------------------------------------------------
// Evaluation

/** Evaluates with named values; every input the formula names must have a finite value. */
export function evaluateFormula(
  formula: Formula,
  values: Readonly<Record<string, number | null | undefined>>,
): EvalResult {
  const missing = formula.inputs.filter((name) => {
    const v = values[name];
    return typeof v !== 'number' || !Number.isFinite(v);
  });
  if (missing.length > 0)
    return {
      ok: false,
      kind: 'missing',
      reason: `Missing ${missing.map((m) => `"${m}"`).join(', ')}`,
      missing,
    };
  return evaluateVector(
    formula,
    formula.inputs.map((name) => values[name] as number),
  );
}

/** Evaluates with values in the order of `formula.inputs` (all present and finite). */
export function evaluateVector(formula: Formula, values: ArrayLike<number>): EvalResult {
  const value = formula.run(values);
  if (Number.isFinite(value)) return { ok: true, value: value === 0 ? 0 : value };
  return diagnose(formula.ast, formula.inputs, values);
}

type Diagnosis =
  { ok: true; value: number } | Extract<EvalResult, { kind: 'division-by-zero' | 'non-finite' }>;

/** The slow path: walks the tree to name the sub-expression that divided by zero or overflowed. */
function diagnose(ast: Expr, inputs: readonly string[], values: ArrayLike<number>): EvalResult {
  const overflow = (e: Expr): Diagnosis => {
    const expression = formatFormula(e);
    return {
      ok: false,
      kind: 'non-finite',
      reason: `The result is not a finite number: "${expression}" is too large`,
      expression,
    };
  };
  const walk = (e: Expr): Diagnosis => {
    switch (e.kind) {
      case 'num':
        return { ok: true, value: e.value };
      case 'input': {
        const v = values[inputs.indexOf(e.name)] as number;
        return Number.isFinite(v) ? { ok: true, value: v } : overflow(e);
      }
      case 'neg': {
        const a = walk(e.arg);
        return a.ok ? { ok: true, value: -a.value } : a;
      }
      case 'bin': {
        const l = walk(e.left);
        if (!l.ok) return l;
        const r = walk(e.right);
        if (!r.ok) return r;
        if (e.op === '/' && r.value === 0) {
          const divisor = formatFormula(e.right);
          const expression = formatFormula(e);
          return {
            ok: false,
            kind: 'division-by-zero',
            reason:
              e.right.kind === 'num'
                ? `Division by zero in "${expression}"`
                : `Division by zero: "${divisor}" is 0 in "${expression}"`,
            expression,
          };
        }
        const v =
          e.op === '+'
            ? l.value + r.value
            : e.op === '-'
              ? l.value - r.value
              : e.op === '*'
                ? l.value * r.value
                : l.value / r.value;
        return Number.isFinite(v) ? { ok: true, value: v } : overflow(e);
      }
      case 'call': {
        let acc: number | undefined;
        for (const arg of e.args) {
          const a = walk(arg);
          if (!a.ok) return a;
          acc =
            acc === undefined ? a.value : e.fn === 'min' ? Math.min(acc, a.value) : Math.max(acc, a.value);
        }
        return { ok: true, value: acc as number };
      }
    }
  };
  const result = walk(ast);
  /* istanbul ignore next: the fast path only falls back here on a non-finite result */
  return result.ok ? { ok: true, value: result.value === 0 ? 0 : result.value } : result;
}
