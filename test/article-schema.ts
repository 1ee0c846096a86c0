import { z } from 'zod';

/** The stable `ask --json` contract. */
export const articleSchema = z.object({
  question: z.string(),
  status: z.enum(['answered', 'insufficient_evidence', 'out_of_scope', 'emergency']),
  title: z.string(),
  bottomLine: z.object({ text: z.string(), citations: z.array(z.number().int().positive()) }),
  sections: z.array(
    z.object({
      heading: z.string().min(1),
      bullets: z
        .array(z.object({ text: z.string().min(1), citations: z.array(z.number().int().positive()).min(1) }))
        .min(1),
    }),
  ),
  references: z.array(
    z.object({
      n: z.number().int().positive(),
      sourceId: z.string().min(1),
      title: z.string().min(1),
      authors: z.array(z.string()),
      journal: z.string().nullable(),
      year: z.number().int().nullable(),
      pmid: z.string().regex(/^\d+$/).nullable(),
      doi: z.string().regex(/^10\./).nullable(),
      url: z.string().nullable(),
      evidenceLevel: z.enum(['A', 'B', 'C', 'D']),
    }),
  ),
  audience: z.enum(['physician', 'nurse', 'pharmacist', 'student', 'patient']),
  reviewStatus: z.enum(['submitted', 'under_review', 'approved']),
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
