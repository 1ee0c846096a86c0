/** Control characters other than line breaks and tabs: terminal escape sequences among them. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point here
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * A copy of a value with control characters removed from every string in it, so text from
 * ingested sources cannot move the cursor, recolour or retitle a terminal.
 */
export function stripControls<T>(value: T): T {
  if (typeof value === 'string') return value.replace(CONTROLS, '') as T;
  if (Array.isArray(value)) return value.map(stripControls) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, stripControls(item)])) as T;
  return value;
}
