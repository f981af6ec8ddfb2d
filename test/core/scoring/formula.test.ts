import fc from 'fast-check';
import type { Expr, KnownInput } from '../../../src/core/scoring/formula';
import {
  MAX_FORMULA_DEPTH,
  compileFormula,
  evaluateFormula,
  formatFormula,
  parseFormula,
  substitution,
} from '../../../src/core/scoring/formula';

const KNOWN: KnownInput[] = [
  { name: 'businessValue', label: 'Business Value' },
  { name: 'timeCriticality', label: 'Time Criticality' },
  { name: 'riskReduction', label: 'Risk Reduction / Opportunity Enablement' },
  { name: 'jobSize', label: 'Job size' },
  { name: 'storyPoints', label: 'Story Points' },
  { name: 'a' },
  { name: 'b' },
  { name: 'c' },
];

const ast = (text: string): Expr => {
  const r = parseFormula(text, KNOWN);
  if (!r.ok) throw new Error(r.error.message);
  return r.ast;
};
const value = (text: string, values: Record<string, number> = {}): number => {
  const c = compileFormula(text, KNOWN);
  if (!c.ok) throw new Error(c.error.message);
  const r = evaluateFormula(c.formula, values);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const error = (text: string) => {
  const r = compileFormula(text, KNOWN);
  if (r.ok) throw new Error(`expected an error for ${text}`);
  return r.error;
};

describe('formula: parsing and evaluation', () => {
  it('follows precedence: * and / before + and -', () => {
    expect(value('2 + 3 * 4')).toBe(14); // 3 * 4 = 12; 2 + 12 = 14
    expect(value('(2 + 3) * 4')).toBe(20); // 5 * 4
    expect(value('20 - 12 / 4')).toBe(17); // 12 / 4 = 3; 20 - 3
    expect(ast('a + b * c')).toEqual({
      kind: 'bin',
      op: '+',
      left: { kind: 'input', name: 'a' },
      right: {
        kind: 'bin',
        op: '*',
        left: { kind: 'input', name: 'b' },
        right: { kind: 'input', name: 'c' },
      },
    });
  });

  it('is left-associative', () => {
    expect(value('10 - 4 - 3')).toBe(3); // (10 - 4) - 3, not 10 - (4 - 3) = 9
    expect(value('24 / 4 / 2')).toBe(3); // (24 / 4) / 2, not 24 / 2 = 12
    expect(value('10 - (4 - 3)')).toBe(9);
  });

  it('has unary minus binding tighter than * and /', () => {
    expect(value('-3 * 2')).toBe(-6);
    expect(value('2 * -3')).toBe(-6);
    expect(value('--4')).toBe(4);
    expect(value('2 - -3')).toBe(5);
    expect(value('-(2 + 3) * 2')).toBe(-10);
    expect(ast('-a * b')).toEqual({
      kind: 'bin',
      op: '*',
      left: { kind: 'neg', arg: { kind: 'input', name: 'a' } },
      right: { kind: 'input', name: 'b' },
    });
  });

  it('accepts unicode operators and decimals', () => {
    expect(value('6 × 7')).toBe(42);
    expect(value('7 ÷ 2')).toBe(3.5);
    expect(value('10 − 2.5')).toBe(7.5); // U+2212 minus sign
    expect(value('−2')).toBe(-2);
    expect(value('.5 + 0.25')).toBe(0.75);
    expect(value('1e3 / 2.5E-1')).toBe(4000);
    expect(ast('a × b ÷ c')).toEqual(ast('a * b / c'));
  });

  it('has min and max with any number of values, function names in any case', () => {
    expect(value('min(5, 3, 8)')).toBe(3);
    expect(value('MAX(5, 3, 8)')).toBe(8);
    expect(value('max(1)')).toBe(1);
    expect(value('min(a, max(b, 2))', { a: 10, b: 1 })).toBe(2);
  });

  it('reads inputs by identifier or by quoted label (case- and space-insensitive)', () => {
    const inputs = { businessValue: 8, timeCriticality: 5, riskReduction: 3, jobSize: 5 };
    // (8 + 5 + 3) / 5 = 16 / 5 = 3.2
    expect(value('(businessValue + timeCriticality + riskReduction) / jobSize', inputs)).toBe(3.2);
    expect(
      value(
        '("Business Value" + "time  criticality" + "Risk Reduction / Opportunity Enablement") / jobSize',
        inputs,
      ),
    ).toBe(3.2);
    expect(value('\u201cBusiness Value\u201d * 2', inputs)).toBe(16);
    expect(ast('"Business Value"')).toEqual({ kind: 'input', name: 'businessValue' });
  });

  it('names the inputs in order of first appearance', () => {
    const c = compileFormula('b * (a + b) / c', KNOWN);
    expect(c.ok && c.formula.inputs).toEqual(['b', 'a', 'c']);
  });
});

describe('formula: errors with their columns', () => {
  it.each([
    ['a + b)', 'Unexpected ")" at column 6', 6],
    ['(a + b) * c) + 1', 'Unexpected ")" at column 12', 12],
    ['a +', 'Unexpected end of formula at column 4', 4],
    ['a + * b', 'Unexpected "*" at column 5', 5],
    ['a b', 'Unexpected "b" at column 3', 3],
    ['+a', 'Unexpected "+" at column 1', 1],
    ['a , b', 'Unexpected "," at column 3', 3],
    ['()', 'Unexpected ")" at column 2', 2],
    ['a $ b', 'Unexpected character "$" at column 3', 3],
    ['5. + 1', 'Unexpected character "." at column 2', 2],
    ['bizValue + 1', 'Unknown input "bizValue" at column 1 (did you mean "businessValue"?)', 1],
    ['2 * BusinessValue', 'Unknown input "BusinessValue" at column 5 (did you mean "businessValue"?)', 5],
    ['zzzzzzzz', 'Unknown input "zzzzzzzz" at column 1', 1],
    ['"Bizness Value" / 2', 'Unknown input "Bizness Value" at column 1 (did you mean "Business Value"?)', 1],
    ['a + "Business Value', 'Missing closing " for the name opened at column 5', 5],
    ['foo(a)', 'Unknown function "foo" at column 1 (functions: min, max)', 1],
    ['min + 1', 'Expected "(" after "min" at column 5', 5],
    ['max()', 'max() needs at least one value at column 5', 5],
    ['1e999', 'Number "1e999" is too large at column 1', 1],
    ['', 'The formula is empty', 1],
    ['   ', 'The formula is empty', 1],
  ])('%s → %s', (text, message, column) => {
    expect(error(text)).toEqual({ message, column });
  });

  it('says which "(" is not closed', () => {
    expect(error('a * (b + c')).toEqual({
      message: 'Expected ")" to close "(" opened at column 5, found the end of the formula at column 11',
      column: 11,
    });
    expect(error('2 (a + b')).toEqual({ message: 'Unexpected "(" at column 3', column: 3 });
    expect(error('((a + b) * c')).toEqual({
      message: 'Expected ")" to close "(" opened at column 1, found the end of the formula at column 13',
      column: 13,
    });
    expect(error('min(a, b c)')).toEqual({
      message: 'Expected ")" to close "(" opened at column 4, found "c" at column 10',
      column: 10,
    });
  });

  it('limits the length to 500 characters', () => {
    const long = Array.from({ length: 126 }, () => 'a').join(' + '); // 126 + 125 * 3 = 501 characters
    expect(long).toHaveLength(501);
    expect(error(long)).toEqual({
      message: 'Formula is too long (501 characters; at most 500) at column 501',
      column: 501,
    });
    expect(compileFormula(long.slice(0, 497), KNOWN).ok).toBe(true); // 125 terms: 125 + 124 * 3 = 497
  });

  it(`limits nesting to ${MAX_FORMULA_DEPTH} levels`, () => {
    const nest = (n: number) => '('.repeat(n) + 'a' + ')'.repeat(n);
    expect(compileFormula(nest(50), KNOWN).ok).toBe(true);
    expect(error(nest(51))).toEqual({
      message: 'Formula nests too deeply (more than 50 levels) at column 52',
      column: 52,
    });
    expect(error('-'.repeat(51) + 'a').message).toBe(
      'Formula nests too deeply (more than 50 levels) at column 52',
    );
    expect(compileFormula('-'.repeat(50) + 'a', KNOWN).ok).toBe(true);
  });
});

describe('formula: evaluation that cannot give a number', () => {
  const compile = (text: string) => {
    const c = compileFormula(text, KNOWN);
    if (!c.ok) throw new Error(c.error.message);
    return c.formula;
  };

  it('names missing inputs', () => {
    expect(evaluateFormula(compile('a + b * c'), { a: 1, c: undefined })).toEqual({
      ok: false,
      kind: 'missing',
      reason: 'Missing "b", "c"',
      missing: ['b', 'c'],
    });
    expect(evaluateFormula(compile('a'), { a: NaN })).toMatchObject({ ok: false, missing: ['a'] });
  });

  it('names the sub-expression that divided by zero, even inside min and max', () => {
    expect(evaluateFormula(compile('a / (b - c)'), { a: 8, b: 5, c: 5 })).toEqual({
      ok: false,
      kind: 'division-by-zero',
      reason: 'Division by zero: "b - c" is 0 in "a / (b - c)"',
      expression: 'a / (b - c)',
    });
    // min(5, 1 / 0) would be 5 if 1 / 0 were Infinity: the division still leaves it unscored.
    expect(evaluateFormula(compile('min(5, a / b)'), { a: 1, b: 0 })).toMatchObject({
      ok: false,
      reason: 'Division by zero: "b" is 0 in "a / b"',
    });
    expect(evaluateFormula(compile('0 / 0 + a'), { a: 1 })).toMatchObject({
      ok: false,
      reason: 'Division by zero in "0 / 0"',
    });
  });

  it('says when the result overflows', () => {
    expect(evaluateFormula(compile('a * b * 2'), { a: 1e300, b: 1e10 })).toEqual({
      ok: false,
      kind: 'non-finite',
      reason: 'The result is not a finite number: "a * b" is too large',
      expression: 'a * b',
    });
  });

  it('never returns -0', () => {
    const r = evaluateFormula(compile('-a'), { a: 0 });
    expect(r.ok && Object.is(r.value, 0)).toBe(true);
  });
});

describe('formula: printing', () => {
  it('prints canonically with only the parentheses the tree needs', () => {
    const canon = (text: string) => formatFormula(ast(text));
    expect(canon('(businessValue+timeCriticality +riskReduction)/jobSize')).toBe(
      '(businessValue + timeCriticality + riskReduction) / jobSize',
    );
    expect(canon('((a)) + ((b * c))')).toBe('a + b * c');
    expect(canon('a - (b - c)')).toBe('a - (b - c)');
    expect(canon('(a - b) - c')).toBe('a - b - c');
    expect(canon('a / (b * c)')).toBe('a / (b * c)');
    expect(canon('-(a * b)')).toBe('-(a * b)');
    expect(canon('--a')).toBe('-(-a)');
    expect(canon('a × b ÷ c − 1')).toBe('a * b / c - 1');
    expect(canon('MIN(a,b , 2.50)')).toBe('min(a, b, 2.5)');
    expect(canon('"Business Value" * 2')).toBe('businessValue * 2');
  });

  it('substitutes values into the canonical text', () => {
    const tree = ast('(businessValue + timeCriticality + riskReduction) / jobSize');
    const inputs = ['businessValue', 'timeCriticality', 'riskReduction', 'jobSize'];
    expect(substitution(tree, inputs)(['8', '5', '3', '5'])).toBe('(8 + 5 + 3) / 5');
    expect(formatFormula(tree, (n) => (n === 'jobSize' ? '?' : '1'))).toBe('(1 + 1 + 1) / ?');
  });
});

describe('formula: fuzzing', () => {
  const chars = [...'abc0123456789.+-*/()×÷−, "eE$_\u201c\u201d\tminax'];

  it('never throws on random text: it parses or returns an error with a column inside the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: fc.constantFrom(...chars), maxLength: 60 }),
          fc.string({ unit: 'binary' }),
        ),
        (text) => {
          const r = compileFormula(text, KNOWN);
          if (r.ok) {
            const v = evaluateFormula(r.formula, { a: 1, b: 2, c: 3 });
            expect(typeof v.ok).toBe('boolean');
          } else {
            expect(r.error.message.length).toBeGreaterThan(0);
            expect(r.error.column).toBeGreaterThanOrEqual(1);
            expect(r.error.column).toBeLessThanOrEqual(Math.min(text.length + 1, 501));
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc
        .oneof(
          fc.nat(1000),
          fc
            .double({ min: 0, max: 1e25, noNaN: true, noDefaultInfinity: true })
            .filter((x) => !Object.is(x, -0)),
        )
        .map((v): Expr => ({ kind: 'num', value: v })),
      fc
        .constantFrom('a', 'b', 'c', 'businessValue', 'jobSize')
        .map((name): Expr => ({ kind: 'input', name })),
      tie('expr').map((arg): Expr => ({ kind: 'neg', arg })),
      fc
        .tuple(fc.constantFrom('+', '-', '*', '/' as const), tie('expr'), tie('expr'))
        .map(([op, left, right]): Expr => ({ kind: 'bin', op, left, right })),
      fc
        .tuple(fc.constantFrom('min', 'max' as const), fc.array(tie('expr'), { minLength: 1, maxLength: 3 }))
        .map(([fn, args]): Expr => ({ kind: 'call', fn, args })),
    ),
  })).expr;

  it('prints any tree so that it re-parses to the same tree', () => {
    fc.assert(
      fc.property(exprArb, (tree) => {
        const text = formatFormula(tree);
        fc.pre(text.length <= 500);
        const back = parseFormula(text, KNOWN);
        expect(back).toEqual({ ok: true, ast: tree });
        expect(formatFormula(back.ok ? back.ast : tree)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});
