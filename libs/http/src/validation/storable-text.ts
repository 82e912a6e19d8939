import type { FieldError } from '../problem/problem-details';
import { fieldPath } from './field-errors';

/** The rule named in a 400 when a string holds what the platform cannot store. */
export const STORABLE_TEXT_RULE = 'text';

const MESSAGE = 'must not contain a NUL character (\\u0000) or an unpaired UTF-16 surrogate';

/**
 * Whether PostgreSQL can hold this text: `text` and `jsonb` refuse the NUL character (500 at the INSERT),
 * and a lone surrogate (`"\ud800"` in JSON) is no character at all (stored, it comes back as garbage).
 * Nobody types either; both only come from broken or hostile clients.
 */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** NUL, a high surrogate not followed by a low one, a low one not preceded by a high one (UTF-16 units). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is precisely what this looks for.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Every string of a request part — values and object keys, at any depth — that is not storable, each
 * named by its path (`contacts[0].name`). Walked with an explicit stack: a deeply nested body must be
 * refused, not overflow the call stack.
 */
export function unstorableTextErrors(input: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const pending: Visit[] = [{ value: input, key: undefined, parent: undefined }];
  while (pending.length > 0) {
    const visit = pending.pop() as Visit;
    const { value } = visit;
    if (typeof value === 'string') {
      if (!isStorableText(value)) errors.push(textError(pathOf(visit)));
    } else if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) {
        pending.push({ value: value[index], key: index, parent: visit });
      }
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value).reverse()) {
        if (!isStorableText(key)) errors.push(textError([...pathOf(visit), printable(key)]));
        else pending.push({ value: child, key, parent: visit });
      }
    }
  }
  return errors;
}

/** A value met on the walk, linked to its parent: the path is only spelled out for a value refused. */
interface Visit {
  value: unknown;
  key: PropertyKey | undefined;
  parent: Visit | undefined;
}

function pathOf(visit: Visit): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let at: Visit | undefined = visit; at?.parent; at = at.parent) path.push(at.key as PropertyKey);
  return path.reverse();
}

function textError(path: PropertyKey[]): FieldError {
  return { field: fieldPath(path), rule: STORABLE_TEXT_RULE, message: MESSAGE };
}

/** A key that is itself the problem is named with its bad characters escaped, so the answer stays valid JSON text. */
function printable(key: string): string {
  return key.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is precisely what this escapes.
    /\u0000|[\ud800-\udfff]/g,
    (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
