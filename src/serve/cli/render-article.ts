import { stripControls } from '../../text/strip-controls.js';
import { styleText } from 'node:util';
import { AUDIENCE_LABELS } from '../../domain/audience.js';
import type { Article } from '../../domain/article.js';
import { EVIDENCE_LEVEL_LABELS } from '../../domain/evidence-level.js';
import { reviewNotice } from '../../compose/disclaimer.js';

type Style = Parameters<typeof styleText>[0];

/** The article as readable terminal text: headings, bullets with [n] markers, references. */
export function renderArticle(input: Article, options: { color: boolean; width: number }): string {
  // Source text is untrusted: no escape sequence from an ingested title reaches the terminal.
  const article = stripControls(input);
  const paint = (style: Style, text: string) => (options.color ? styleText(style, text) : text);
  const width = Math.max(40, Math.min(options.width, 110));
  const lines: string[] = [];
  const marks = (citations: number[]) =>
    citations.length > 0 ? ` ${paint('cyan', citations.map((n) => `[${n}]`).join(''))}` : '';

  if (article.alert) {
    lines.push(
      paint(['bold', 'red'], '!! EMERGENCY'),
      ...wrap(article.alert, width, '   ').map((line) => paint('red', line)),
      '',
    );
  }
  lines.push(paint('bold', article.title || article.question));
  lines.push(
    paint(
      'dim',
      `For: ${AUDIENCE_LABELS[article.audience]} · Status: ${article.status.replaceAll('_', ' ')} · Last updated ${article.lastUpdated}`,
    ),
  );
  lines.push('');
  if (article.bottomLine.text && article.bottomLine.text !== article.alert) {
    lines.push(paint(['bold', 'green'], 'Bottom line'));
    lines.push(...wrap(article.bottomLine.text + marks(article.bottomLine.citations), width, '  '));
    lines.push('');
  }
  for (const section of article.sections) {
    lines.push(paint(['bold', 'underline'], section.heading));
    for (const bullet of section.bullets) {
      const grade = bullet.grade ? paint('dim', ` (${bullet.grade})`) : '';
      lines.push(...wrap(`• ${bullet.text}${marks(bullet.citations)}${grade}`, width, '  ', '    '));
    }
    lines.push('');
  }
  if (article.references.length > 0) {
    lines.push(paint('bold', 'References'));
    for (const reference of article.references) {
      const names = reference.authors.length > 3 ? [...reference.authors.slice(0, 3), 'et al.'] : reference.authors;
      const authors = names.length > 0 ? `${names.join(', ').replace(/\.$/, '')}. ` : '';
      const where = [reference.journal, reference.year].filter(Boolean).join(', ');
      const ids = [reference.pmid ? `PMID ${reference.pmid}` : '', reference.doi ? `doi:${reference.doi}` : '']
        .filter(Boolean)
        .join(' · ');
      const level = paint(
        'dim',
        ` [Level ${reference.evidenceLevel}: ${EVIDENCE_LEVEL_LABELS[reference.evidenceLevel]}]`,
      );
      lines.push(
        ...wrap(
          `${reference.n}. ${authors}${reference.title}. ${where}${where ? '.' : ''}${ids ? ` ${ids}.` : ''}${level}`,
          width,
          '  ',
          '     ',
        ),
      );
    }
    lines.push('');
  }
  const review =
    article.reviewStatus === 'approved'
      ? 'Approved'
      : article.reviewStatus === 'under_review'
        ? 'Under review'
        : 'Submitted';
  lines.push(
    paint('yellow', `Review: ${review} (Submitted → Under Review → Approved) · ${reviewNotice(article.reviewStatus)}`),
  );
  lines.push(...wrap(article.disclaimer, width, '').map((line) => paint('dim', line)));
  return lines.join('\n');
}

/** Word-wraps one paragraph; ANSI codes are not counted (they sit inside words). */
function wrap(text: string, width: number, indent: string, hanging = indent): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = indent;
  let visible = indent.length;
  for (const word of words) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point here
    const length = word.replace(/\u001b\[[0-9;]*m/g, '').length;
    if (visible + length + 1 > width && visible > hanging.length) {
      lines.push(line);
      line = hanging + word;
      visible = hanging.length + length;
    } else {
      line += (visible > indent.length && line !== hanging ? ' ' : '') + word;
      visible += length + 1;
    }
  }
  if (line.trim()) lines.push(line);
  return lines;
}
