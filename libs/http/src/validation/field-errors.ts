import type { z } from 'zod';
import type { FieldError } from '../problem/problem-details';

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

/** `['contacts', 0, 'email']` → `contacts[0].email`; the whole value is `(root)`. */
export function fieldPath(path: readonly PathKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out === '' ? '(root)' : out;
}

function valueAt(input: unknown, path: readonly PathKey[]): unknown {
  let current = input;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/** A short, stable name for the rule an issue broke, so clients need not parse messages. */
function ruleOf(issue: Issue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(input, issue.path) === undefined ? 'required' : 'type';
    case 'too_small':
      return 'min';
    case 'too_big':
      return 'max';
    case 'invalid_format':
      return issue.format;
    case 'not_multiple_of':
      return 'multipleOf';
    case 'invalid_value':
      return 'enum';
    case 'invalid_union':
      return 'union';
    case 'custom': {
      const rule = (issue.params as { rule?: unknown } | undefined)?.rule;
      return typeof rule === 'string' ? rule : 'custom';
    }
    default:
      return issue.code;
  }
}

/** One entry per bad field, each naming where it is, which rule it broke and why. */
export function fieldErrorsOf(issues: readonly Issue[], input: unknown): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({ field: fieldPath([...issue.path, key]), rule: 'unknown', message: 'is not allowed' });
      }
      continue;
    }
    const rule = ruleOf(issue, input);
    errors.push({
      field: fieldPath(issue.path),
      rule,
      message: rule === 'required' ? 'is required' : issue.message,
    });
  }
  return errors;
}
