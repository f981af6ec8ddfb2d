/**
 * Which Jira fields can feed which input: the type check behind the field picker and `mapping.save`. Free of
 * runtime imports, so the Custom UI checks a pick as the server will.
 *
 * - A numeric input (story points, business value, …, or a custom input) reads a number field, a single
 *   select (its options mapped to numbers by a scale, or read as numbers when they are) or a text field
 *   holding numbers.
 * - MoSCoW reads a single select (or a text field) whose values are Must/Should/Could/Won't.
 * - Nothing else fits: users, dates, multi-selects, versions, rich text, … would leave every issue unscored.
 */

export interface FieldSchemaInfo {
  type: string;
  items?: string | undefined;
  custom?: string | undefined;
  system?: string | undefined;
}

/** How a field's values read: `number`, `select` (one option), `text`, or something no input can use. */
export type FieldKind = 'number' | 'select' | 'text' | 'unusable';

const RICH_TEXT = /:textarea$/;

export function fieldKind(schema: FieldSchemaInfo | undefined): FieldKind {
  if (!schema) return 'unusable';
  if (schema.type === 'number') return 'number';
  if (schema.type === 'option') return 'select';
  if (schema.type === 'string' && !schema.system && !RICH_TEXT.test(schema.custom ?? '')) return 'text';
  return 'unusable';
}

/** A field's type as people read it: "number", "select list", "text", or Jira's own type name. */
export function fieldTypeWords(schema: FieldSchemaInfo | undefined): string {
  if (!schema) return 'no type';
  switch (fieldKind(schema)) {
    case 'number':
      return 'number';
    case 'select':
      return 'select list';
    case 'text':
      return 'text';
    default:
      if (schema.type === 'array') return `list of ${schema.items ?? 'values'}`;
      if (schema.type === 'string') return 'paragraph';
      return schema.type;
  }
}

export type FieldFit =
  { ok: true; kind: Exclude<FieldKind, 'unusable'>; note?: string } | { ok: false; reason: string };

/**
 * Whether a field of this schema can feed the input (`moscow`, or any numeric input by name): ok with how
 * its values read, or why not in a sentence.
 */
export function fieldFits(input: string, schema: FieldSchemaInfo | undefined): FieldFit {
  return kindFits(input, fieldKind(schema), fieldTypeWords(schema));
}

/** {@link fieldFits} for a field known by its kind and type words (the picker's fields). */
export function kindFits(input: string, kind: FieldKind, words: string): FieldFit {
  if (input === 'moscow') {
    if (kind === 'select') return { ok: true, kind };
    if (kind === 'text')
      return { ok: true, kind, note: "Its text must be Must, Should, Could or Won't (have)." };
    return {
      ok: false,
      reason: `MoSCoW needs a select list (Must/Should/Could/Won't); this field is a ${words}.`,
    };
  }
  if (kind === 'number') return { ok: true, kind };
  if (kind === 'select')
    return { ok: true, kind, note: 'A select list: give each option that is not a number a number.' };
  if (kind === 'text') return { ok: true, kind, note: 'A text field: only numbers in it count.' };
  return { ok: false, reason: `A score input needs a number or select field; this field is a ${words}.` };
}
