/** The Jira fields a field mapping reads. */
import { NUMBER_INPUTS, type FieldMapping } from '../../core/scoring';

/** Every field id the mapping names, with the input that names it. */
export function mappedFields(mapping: FieldMapping): Array<{ input: string; fieldId: string }> {
  const out: Array<{ input: string; fieldId: string }> = [];
  for (const name of NUMBER_INPUTS) {
    const src = mapping[name];
    if (src) out.push({ input: name, fieldId: src.fieldId });
  }
  if (mapping.moscow) out.push({ input: 'moscow', fieldId: mapping.moscow.fieldId });
  if (mapping.priority) out.push({ input: 'priority', fieldId: mapping.priority.fieldId });
  if (mapping.dueDate) out.push({ input: 'dueDate', fieldId: mapping.dueDate.fieldId });
  if (mapping.blockedCount) out.push({ input: 'blockedCount', fieldId: mapping.blockedCount.fieldId });
  for (const c of mapping.custom ?? []) out.push({ input: c.name, fieldId: c.fieldId });
  return out;
}

/** The fields to request: what the mapping reads, plus links, parent, fix versions and what the view shows. */
export function fieldsFor(mapping: FieldMapping, estimationFieldId?: string): string[] {
  const ids = new Set(['summary', 'issuetype', 'status', 'parent', 'fixVersions', 'issuelinks']);
  if (estimationFieldId) ids.add(estimationFieldId);
  for (const { fieldId } of mappedFields(mapping)) ids.add(fieldId);
  for (const r of mapping.rules ?? []) ids.add(r.field);
  return [...ids];
}
