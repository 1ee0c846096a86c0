const ABBREVIATIONS = /\b(e\.g|i\.e|etc|vs|approx|dr|mr|mrs|ms|st|no|fig|al|inc|u\.s|min|max|mg|kg|mcg)\.$/i;

/** Splits prose into sentences and list items; keeps decimals and common abbreviations intact. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const block of text.split(/\n+|\s-\s(?=[A-Z])/)) {
    const trimmed = block.replace(/^[-•*]\s*/, '').trim();
    if (!trimmed) continue;
    let start = 0;
    const boundary = /[.!?](?=\s+["'(]?[A-Z0-9])/g;
    for (let match = boundary.exec(trimmed); match; match = boundary.exec(trimmed)) {
      const candidate = trimmed.slice(start, match.index + 1);
      if (ABBREVIATIONS.test(candidate)) continue;
      sentences.push(candidate.trim());
      start = match.index + 1;
    }
    const rest = trimmed.slice(start).trim();
    if (rest) sentences.push(rest);
  }
  return sentences;
}
