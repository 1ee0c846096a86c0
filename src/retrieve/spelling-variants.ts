/**
 * Other spellings of a token from British/American stem pairs (knowledge/rules/spelling.yaml).
 * Both directions are generated so a question in either spelling finds text in either.
 */

/** Other spellings of a lower-case token (possibly none). */
export function spellingVariants(token: string, pairs: ReadonlyArray<readonly [string, string]>): string[] {
  const variants = new Set<string>();
  for (const [british, american] of pairs) {
    if (token.includes(british)) variants.add(token.replace(british, american));
    else if (token.includes(american) && !token.includes(british)) {
      // Only map American → British at the start of a word, where the stems are unambiguous.
      if (token.startsWith(american)) variants.add(british + token.slice(american.length));
    }
  }
  variants.delete(token);
  return [...variants];
}
