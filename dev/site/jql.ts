/**
 * JQL for the local site: a real lexer and recursive-descent parser for a useful subset, compiled against
 * the site's fields into a predicate and a sort. Errors read like Jira's: syntax errors start with
 * "Error in the JQL Query:" and end with "(line 1, character N)"; unknown fields, operators and values give
 * Jira's validation messages, all collected (Jira reports every validation problem at once).
 *
 * Supported: field op value with = != > >= < <= ~ !~ IN, NOT IN, IS [NOT] EMPTY|NULL; AND, OR, NOT (also
 * && || !) and parentheses; functions (currentUser(), openSprints(), ...); ORDER BY field [ASC|DESC], ...
 * Field names resolve in ./jql-fields; each kind of field (operators, values, sorting) is in ./jql-handlers.
 */
import {
  compileClause,
  compileOrderKey,
  isPropertyField,
  type JqlEnv,
  type JqlIssue,
  type SortKey,
} from './jql-fields';

export type { JqlEnv, JqlIssue } from './jql-fields';

export class JqlError extends Error {
  override readonly name = 'JqlError';
  constructor(readonly messages: string[]) {
    super(messages.join(' '));
  }
}

// ------------------------------------------------------------------------------------------------ lexer

type TokenKind = 'word' | 'string' | 'op' | 'lparen' | 'rparen' | 'comma' | 'eof';

interface Token {
  kind: TokenKind;
  /** The raw text (for words and operators) or the unescaped content (for strings). */
  text: string;
  pos: number;
}

const OPERATORS = ['!=', '!~', '>=', '<=', '&&', '||', '=', '>', '<', '~', '!', '&', '|'];
const RESERVED = new Set(['%', '^', '$', '#', '+', ';', '?', '{', '}']);
const WORD_BREAK = /[\s"'(),=!<>~&|]/;

function position(text: string, pos: number): string {
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const character = pos - before.lastIndexOf('\n');
  return `(line ${line}, character ${character})`;
}

function syntaxError(text: string, pos: number, message: string): JqlError {
  return new JqlError([`Error in the JQL Query: ${message} ${position(text, pos)}`]);
}

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '"': '"',
  "'": "'",
  '\\': '\\',
  ' ': ' ',
};

function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (ch === '"' || ch === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) {
          throw syntaxError(text, start, `The quoted string '${value}' has not been completed.`);
        }
        const c = text.charAt(i);
        if (c === ch) break;
        if (c === '\\') {
          const next = text.charAt(i + 1);
          if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
            i += 6;
            continue;
          }
          const escaped = ESCAPES[next];
          if (escaped === undefined) {
            throw syntaxError(
              text,
              i,
              `The escape sequence '\\${next}' in the string '${value}' is illegal.`,
            );
          }
          value += escaped;
          i += 2;
          continue;
        }
        value += c;
        i++;
      }
      i++;
      tokens.push({ kind: 'string', text: value, pos: start });
      continue;
    }
    if (ch === '(') tokens.push({ kind: 'lparen', text: ch, pos: i++ });
    else if (ch === ')') tokens.push({ kind: 'rparen', text: ch, pos: i++ });
    else if (ch === ',') tokens.push({ kind: 'comma', text: ch, pos: i++ });
    else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (op) {
        tokens.push({ kind: 'op', text: op, pos: i });
        i += op.length;
        continue;
      }
      if (RESERVED.has(ch)) {
        const code = ch.charCodeAt(0).toString(16).padStart(4, '0');
        throw syntaxError(
          text,
          i,
          `The character '${ch}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${code}' instead.`,
        );
      }
      let word = '';
      while (i < text.length) {
        const c = text.charAt(i);
        if (c === '[') {
          // cf[10030], issue.property[key]: anything up to the closing bracket
          const close = text.indexOf(']', i);
          if (close < 0) throw syntaxError(text, i, `Expecting ']' but got end of query.`);
          word += text.slice(i, close + 1);
          i = close + 1;
          continue;
        }
        if (WORD_BREAK.test(c)) break;
        if (RESERVED.has(c)) {
          throw syntaxError(
            text,
            i,
            `The character '${c}' is a reserved JQL character. You must enclose it in a string.`,
          );
        }
        word += c;
        i++;
      }
      tokens.push({ kind: 'word', text: word, pos: start });
    }
  }
  tokens.push({ kind: 'eof', text: '', pos: text.length });
  return tokens;
}

// ------------------------------------------------------------------------------------------------ AST

export type Operator = '=' | '!=' | '>' | '>=' | '<' | '<=' | '~' | '!~' | 'in' | 'not in' | 'is' | 'is not';

export type ValueNode =
  | { kind: 'literal'; text: string; quoted: boolean; pos: number }
  | { kind: 'empty'; pos: number }
  | { kind: 'function'; name: string; args: string[]; pos: number }
  | { kind: 'list'; items: ValueNode[]; pos: number };

export interface FieldNode {
  name: string;
  quoted: boolean;
  pos: number;
}

export type WhereNode =
  | { type: 'and' | 'or'; items: WhereNode[] }
  | { type: 'not'; item: WhereNode }
  | { type: 'clause'; field: FieldNode; op: Operator; value: ValueNode };

export interface OrderNode {
  field: FieldNode;
  direction: 'asc' | 'desc';
}

export interface JqlQuery {
  where: WhereNode | undefined;
  orderBy: OrderNode[];
}

// ------------------------------------------------------------------------------------------------ parser

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'order', 'by', 'empty', 'null', 'asc', 'desc']);
const VALID_OPERATORS = `The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.`;

class Parser {
  private i = 0;
  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)] as Token;
  }
  private next(): Token {
    const t = this.peek();
    if (this.i < this.tokens.length - 1) this.i++;
    return t;
  }
  private isWord(t: Token, word: string): boolean {
    return t.kind === 'word' && t.text.toLowerCase() === word;
  }
  private describe(t: Token): string {
    return t.kind === 'eof' ? 'end of query' : `'${t.text}'`;
  }
  private fail(t: Token, message: string): never {
    throw syntaxError(this.text, t.pos, message);
  }

  parse(): JqlQuery {
    let where: WhereNode | undefined;
    if (this.peek().kind !== 'eof' && !this.atOrderBy()) where = this.parseOr();
    const orderBy: OrderNode[] = [];
    if (this.atOrderBy()) {
      this.next();
      this.next();
      for (;;) {
        const field = this.parseField();
        let direction: 'asc' | 'desc' = 'asc';
        if (this.isWord(this.peek(), 'asc') || this.isWord(this.peek(), 'desc')) {
          direction = this.next().text.toLowerCase() as 'asc' | 'desc';
        }
        orderBy.push({ field, direction });
        if (this.peek().kind !== 'comma') break;
        this.next();
      }
    }
    const rest = this.peek();
    if (rest.kind !== 'eof') {
      if (orderBy.length > 0)
        this.fail(rest, `Expecting either ',' or end of query but got ${this.describe(rest)}.`);
      this.fail(rest, `Expecting either 'OR' or 'AND' but got ${this.describe(rest)}.`);
    }
    return { where, orderBy };
  }

  private atOrderBy(): boolean {
    return this.isWord(this.peek(), 'order') && this.isWord(this.peek(1), 'by');
  }

  private parseOr(): WhereNode {
    const items = [this.parseAnd()];
    while (
      this.isWord(this.peek(), 'or') ||
      (this.peek().kind === 'op' && ['||', '|'].includes(this.peek().text))
    ) {
      this.next();
      items.push(this.parseAnd());
    }
    return items.length === 1 ? (items[0] as WhereNode) : { type: 'or', items };
  }

  private parseAnd(): WhereNode {
    const items = [this.parseNot()];
    while (
      this.isWord(this.peek(), 'and') ||
      (this.peek().kind === 'op' && ['&&', '&'].includes(this.peek().text))
    ) {
      this.next();
      items.push(this.parseNot());
    }
    return items.length === 1 ? (items[0] as WhereNode) : { type: 'and', items };
  }

  private parseNot(): WhereNode {
    const t = this.peek();
    if (this.isWord(t, 'not') || (t.kind === 'op' && t.text === '!')) {
      this.next();
      return { type: 'not', item: this.parseNot() };
    }
    if (t.kind === 'lparen') {
      this.next();
      const inner = this.parseOr();
      const close = this.peek();
      if (close.kind !== 'rparen') this.fail(close, `Expecting ')' but got ${this.describe(close)}.`);
      this.next();
      return inner;
    }
    return this.parseClause();
  }

  private parseField(): FieldNode {
    const t = this.peek();
    if (t.kind === 'string' || (t.kind === 'word' && !KEYWORDS.has(t.text.toLowerCase()))) {
      this.next();
      return { name: t.text, quoted: t.kind === 'string', pos: t.pos };
    }
    this.fail(t, `Expecting a field name but got ${this.describe(t)}.`);
  }

  private parseOperator(): Operator {
    const t = this.peek();
    if (t.kind === 'op' && ['=', '!=', '>', '>=', '<', '<=', '~', '!~'].includes(t.text)) {
      this.next();
      return t.text as Operator;
    }
    if (this.isWord(t, 'in')) {
      this.next();
      return 'in';
    }
    if (this.isWord(t, 'not') && this.isWord(this.peek(1), 'in')) {
      this.next();
      this.next();
      return 'not in';
    }
    if (this.isWord(t, 'is')) {
      this.next();
      if (this.isWord(this.peek(), 'not')) {
        this.next();
        return 'is not';
      }
      return 'is';
    }
    if (t.kind === 'word' && ['was', 'changed'].includes(t.text.toLowerCase())) {
      throw new JqlError([`The operator '${t.text.toUpperCase()}' is not supported by the local Jira site.`]);
    }
    this.fail(t, `Expecting operator but got ${this.describe(t)}. ${VALID_OPERATORS}`);
  }

  private parseClause(): WhereNode {
    const field = this.parseField();
    const op = this.parseOperator();
    let value: ValueNode;
    if (op === 'is' || op === 'is not') {
      const t = this.peek();
      if (!this.isWord(t, 'empty') && !this.isWord(t, 'null')) {
        this.fail(t, `Expecting 'EMPTY' or 'NULL' but got ${this.describe(t)}.`);
      }
      this.next();
      value = { kind: 'empty', pos: t.pos };
    } else if (op === 'in' || op === 'not in') {
      const t = this.peek();
      if (t.kind === 'lparen') value = this.parseList();
      else if (t.kind === 'word' && this.peek(1).kind === 'lparen') value = this.parseValue();
      else this.fail(t, `Expecting '(' but got ${this.describe(t)}.`);
    } else {
      value = this.parseValue();
    }
    return { type: 'clause', field, op, value };
  }

  private parseList(): ValueNode {
    const open = this.next();
    const items: ValueNode[] = [];
    if (this.peek().kind === 'rparen')
      this.fail(this.peek(), `Expecting either a value, list or function but got ')'.`);
    for (;;) {
      items.push(this.parseValue());
      const t = this.next();
      if (t.kind === 'rparen') break;
      if (t.kind !== 'comma') this.fail(t, `Expecting either ',' or ')' but got ${this.describe(t)}.`);
    }
    return { kind: 'list', items, pos: open.pos };
  }

  private parseValue(): ValueNode {
    const t = this.peek();
    if (t.kind === 'string') {
      this.next();
      return { kind: 'literal', text: t.text, quoted: true, pos: t.pos };
    }
    if (t.kind === 'word' && !['and', 'or', 'not', 'order', 'in', 'is'].includes(t.text.toLowerCase())) {
      this.next();
      if (this.isWord(t, 'empty') || this.isWord(t, 'null')) return { kind: 'empty', pos: t.pos };
      if (this.peek().kind === 'lparen') return this.parseFunction(t);
      return { kind: 'literal', text: t.text, quoted: false, pos: t.pos };
    }
    this.fail(t, `Expecting either a value, list or function but got ${this.describe(t)}.`);
  }

  private parseFunction(name: Token): ValueNode {
    this.next();
    const args: string[] = [];
    if (this.peek().kind !== 'rparen') {
      for (;;) {
        const a = this.next();
        if (a.kind !== 'word' && a.kind !== 'string') {
          this.fail(a, `Expecting a function argument but got ${this.describe(a)}.`);
        }
        args.push(a.text);
        const sep = this.next();
        if (sep.kind === 'rparen') break;
        if (sep.kind !== 'comma')
          this.fail(sep, `Expecting either ',' or ')' but got ${this.describe(sep)}.`);
      }
    } else {
      this.next();
    }
    return { kind: 'function', name: name.text, args, pos: name.pos };
  }
}

/** Parses JQL; throws JqlError on a syntax error. */
export function parseJql(text: string): JqlQuery {
  return new Parser(text, lex(text)).parse();
}

// ------------------------------------------------------------------------------------------------ compile

export interface CompiledJql {
  readonly text: string;
  /** False for a query without any search restriction (only ORDER BY, or empty). */
  readonly bounded: boolean;
  readonly orderBy: ReadonlyArray<{ field: string; direction: 'asc' | 'desc' }>;
  matches(issue: JqlIssue): boolean;
  /** True when the ORDER BY is exactly `Rank ASC` or `Rank DESC` (the index order, no sort needed). */
  readonly rankOrder: 'asc' | 'desc' | undefined;
  /** True when a clause or an ORDER BY key reads an issue property (`issue.property[key]`). */
  readonly readsProperties: boolean;
  /** Sorts (stably) by the ORDER BY; returns the input when there is none. */
  sort<T extends JqlIssue>(issues: T[]): T[];
}

type Predicate = (issue: JqlIssue) => boolean;

function compileWhere(node: WhereNode, env: JqlEnv, errors: string[]): Predicate {
  switch (node.type) {
    case 'and': {
      const parts = node.items.map((n) => compileWhere(n, env, errors));
      return (issue) => parts.every((p) => p(issue));
    }
    case 'or': {
      const parts = node.items.map((n) => compileWhere(n, env, errors));
      return (issue) => parts.some((p) => p(issue));
    }
    case 'not': {
      const inner = compileWhere(node.item, env, errors);
      return (issue) => !inner(issue);
    }
    case 'clause':
      return compileClause(node.field, node.op, node.value, env, errors);
  }
}

function whereReadsProperties(node: WhereNode): boolean {
  switch (node.type) {
    case 'and':
    case 'or':
      return node.items.some(whereReadsProperties);
    case 'not':
      return whereReadsProperties(node.item);
    case 'clause':
      return isPropertyField(node.field);
  }
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (a === undefined) return b === undefined ? 0 : 1;
  if (b === undefined) return -1;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compareKeys(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Parses and compiles; throws JqlError listing every syntax or validation problem. */
export function compileJql(text: string, env: JqlEnv): CompiledJql {
  const query = parseJql(text);
  const errors: string[] = [];
  const where = query.where ? compileWhere(query.where, env, errors) : () => true;
  const keys = query.orderBy.map((o) => ({
    ...compileOrderKey(o.field, env, errors),
    direction: o.direction,
  }));
  if (errors.length > 0) throw new JqlError([...new Set(errors)]);
  const first = keys[0];
  const rankOrder = keys.length === 1 && first?.isRank ? first.direction : undefined;
  return {
    text,
    bounded: query.where !== undefined,
    orderBy: keys.map((k) => ({ field: k.fieldId, direction: k.direction })),
    rankOrder,
    readsProperties:
      (query.where !== undefined && whereReadsProperties(query.where)) ||
      query.orderBy.some((o) => isPropertyField(o.field)),
    matches: where,
    sort<T extends JqlIssue>(issues: T[]): T[] {
      if (keys.length === 0) return issues;
      const decorated = issues.map((issue, index) => ({
        issue,
        index,
        values: keys.map((k) => k.value(issue)),
      }));
      decorated.sort((a, b) => {
        for (let i = 0; i < keys.length; i++) {
          const c = compareKeys(a.values[i], b.values[i]);
          if (c !== 0) return (keys[i] as { direction: string }).direction === 'desc' ? -c : c;
        }
        return a.index - b.index;
      });
      return decorated.map((d) => d.issue);
    },
  };
}
