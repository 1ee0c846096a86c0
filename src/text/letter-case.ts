/** The first letter in capitals ("zyrtec is…" → "Zyrtec is…"). */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A leading capital in lower case inside a sentence; abbreviations and proper names ("COPD", "McDonald") stay as written. */
export function lowerFirst(text: string): string {
  return text.replace(/^([A-Z])(?=[a-z])/, (letter) => letter.toLowerCase());
}
