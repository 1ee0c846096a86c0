import { z } from 'zod';
import {
  articleSchema as contractArticle,
  bulletSchema,
  referenceSchema,
  sectionSchema,
} from '../src/contract/article-contract.js';

const cited = z.array(z.number().int().positive());

/**
 * The stable `ask --json` contract: the API's own article schema (src/contract/), tightened with
 * the invariants every answered article keeps (cited bullets, checked identifiers, ISO dates).
 */
export const articleSchema = contractArticle.extend({
  bottomLine: contractArticle.shape.bottomLine.extend({ citations: cited }),
  sections: z.array(
    sectionSchema.extend({
      heading: z.string().min(1),
      bullets: z.array(bulletSchema.extend({ text: z.string().min(1), citations: cited.min(1) })).min(1),
    }),
  ),
  references: z.array(
    referenceSchema.extend({
      n: z.number().int().positive(),
      sourceId: z.string().min(1),
      title: z.string().min(1),
      pmid: z.string().regex(/^\d+$/).nullable(),
      doi: z.string().regex(/^10\./).nullable(),
    }),
  ),
  lastUpdated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  disclaimer: z.string().min(20),
});

/** Every cited number is a reference, every reference is cited, numbered by first use. */
export function citationProblems(article: z.infer<typeof articleSchema>): string[] {
  const problems: string[] = [];
  const order: number[] = [];
  for (const n of [
    ...article.bottomLine.citations,
    ...article.sections.flatMap((section) => section.bullets.flatMap((bullet) => bullet.citations)),
  ]) {
    if (!order.includes(n)) order.push(n);
  }
  const numbers = article.references.map((reference) => reference.n);
  for (const n of order) if (!numbers.includes(n)) problems.push(`[${n}] is cited but not listed`);
  for (const n of numbers) if (!order.includes(n)) problems.push(`[${n}] is listed but never cited`);
  order.forEach((n, index) => {
    if (n !== index + 1) problems.push(`[${n}] appears in position ${index + 1}`);
  });
  return problems;
}
