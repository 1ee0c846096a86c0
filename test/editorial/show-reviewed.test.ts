import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/domain/article.js';
import { coveredBy, showApproved } from '../../src/editorial/show-reviewed.js';

const article = (audience: Article['audience'], bottomLine: string, bullets: string[]): Article => ({
  question: 'How is gout treated?',
  status: 'answered',
  questionType: 'treatment',
  title: 'Treatment of gout',
  alert: null,
  bottomLine: { text: bottomLine, citations: [1] },
  sections: [
    { heading: 'First-line therapy', bullets: bullets.map((text) => ({ text, citations: [1], evidence: [] })) },
  ],
  references: [],
  audience,
  reviewStatus: 'submitted',
  lastUpdated: '2026-12-06',
  disclaimer: '',
  topics: ['gout'],
  trace: [],
});

describe('showApproved', () => {
  const approved = article('physician', 'Colchicine, an NSAID or a steroid.', ['Start early.', 'Ice helps.']);

  it('shows the approved version itself to its own audience', () => {
    const shown = article('physician', 'Something newer.', ['Start early.', 'Not approved.']);
    expect(showApproved(shown, approved)).toEqual({
      content: expect.objectContaining({ bottomLine: approved.bottomLine, sections: approved.sections }),
      approvedAudience: null,
    });
  });

  it("keeps another audience's wording only where it was approved, and drops the rest", () => {
    const nurse = article('nurse', approved.bottomLine.text, ['Ice helps.', 'Not approved.', 'Start early.']);
    const { content, approvedAudience } = showApproved(nurse, approved);
    expect(approvedAudience).toBeNull();
    expect(content.sections.flatMap((section) => section.bullets.map((bullet) => bullet.text))).toEqual([
      'Ice helps.',
      'Start early.',
    ]);
  });

  it('shows the approved text as written for its audience when the wording differs', () => {
    const patient = article('patient', 'Gout is treated with pills that calm the swelling.', ['Ice helps.']);
    expect(showApproved(patient, approved)).toMatchObject({
      content: { bottomLine: approved.bottomLine },
      approvedAudience: 'physician',
    });
  });
});

describe('coveredBy', () => {
  const topic = article('physician', 'Colchicine, an NSAID or a steroid. Start within 24 hours.', ['Ice helps.']);

  it('accepts statements and bottom-line sentences the approved topics say', () => {
    expect(coveredBy(article('physician', 'Start within 24 hours.', ['Ice helps.']), [topic])).toBe(true);
  });

  it('refuses a bullet or a sentence nobody approved (a calculated dose)', () => {
    expect(coveredBy(article('physician', 'Start within 24 hours.', ['Rest the joint.']), [topic])).toBe(false);
    expect(
      coveredBy(article('physician', 'Start within 24 hours. For 80 kg that is 1.2 g (calculated).', []), [topic]),
    ).toBe(false);
  });
});
