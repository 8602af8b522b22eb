// Text PostgreSQL cannot store, or stores as something else: NUL is refused by `text` and `jsonb` alike
// (a write that fails after the workflow moved on leaves a hole in the audit trail), a lone UTF-16
// surrogate is silently turned into U+FFFD, and the other C0 controls are never typed by a person.
// Tab, line feed and carriage return stay allowed.
export const UNSTORABLE_TEXT =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_MESSAGE =
  'contains a character that cannot be stored (NUL, a control character or a lone surrogate) / chứa ký tự không lưu được';

export function isStorableText(text: string): boolean {
  return !UNSTORABLE_TEXT.test(text);
}

/** The dotted path of the first string (or object key) in `value` that cannot be stored, or null. */
export function firstUnstorable(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path || '(body)';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstUnstorable(value[i], path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const here = path ? `${path}.${key}` : key;
      if (!isStorableText(key)) return here;
      const found = firstUnstorable(v, here);
      if (found) return found;
    }
  }
  return null;
}
