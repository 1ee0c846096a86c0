/** Names once each, in first-seen order, without blanks. */
export function uniqueNames(values: string[]): string[] {
  return [...new Set(values.filter((value) => value.trim() !== ''))];
}
