/** Forge KVS keys: 1–500 characters of `a-zA-Z0-9:._-#` and spaces, not only spaces. */
export const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;
export const MAX_KEY_LENGTH = 500;
/** Forge refuses values over 240 KiB of JSON. */
export const MAX_VALUE_BYTES = 240 * 1024;

export function checkKey(key: string): string {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH || !KEY_PATTERN.test(key)) {
    throw new RangeError(`Not a valid storage key: ${JSON.stringify(key.slice(0, 80))}`);
  }
  return key;
}

/** A key from parts, each escaped so user text (project keys, account ids) cannot break the pattern. */
export function keyOf(...parts: Array<string | number>): string {
  return checkKey(
    parts
      .map((p) => String(p).replace(/[^a-zA-Z0-9._-]/g, (c) => `#${c.charCodeAt(0).toString(16)}#`))
      .join(':'),
  );
}
