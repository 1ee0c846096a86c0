/** One question of a realistic set (../shared/dev/realistic-dev.jsonl) and what its answer must hold. */
export interface RealisticQuestion {
  id: string;
  question: string;
  audience?: string;
  status: string;
  must: string[][];
  bottom_line_must: string[][];
  must_not: string[][];
  thread?: string;
  turn?: number;
}

/** The parts of an article the grade reads. */
export interface GradedArticle {
  status: string;
  title: string;
  bottomLine: { text: string };
  sections: Array<{ bullets: Array<{ text: string }> }>;
}

/**
 * How one answer meets its question, the way `realistic-score.py` reads it: the status, the
 * must-concept groups found in the title, bottom line and bullets, whether the bottom line holds
 * every bottom-line group, and the wrong-answer groups present. Shared by `npm run eval:realistic`
 * and the test that ingesting the corpora worsens no answer.
 */
export function gradeRealistic(question: RealisticQuestion, article: GradedArticle) {
  const text = [
    article.title,
    article.bottomLine.text,
    ...article.sections.flatMap((section) => section.bullets.map((bullet) => bullet.text)),
  ]
    .join('\n')
    .toLowerCase();
  const bottom = article.bottomLine.text.toLowerCase();
  const has = (group: string[], within: string) => group.some((term) => within.includes(term.toLowerCase()));
  return {
    statusOk: article.status === question.status,
    must: question.must.filter((group) => has(group, text)).length,
    bottomLine: question.bottom_line_must.every((group) => has(group, bottom)),
    wrong: question.must_not.filter((group) => has(group, text)),
  };
}
