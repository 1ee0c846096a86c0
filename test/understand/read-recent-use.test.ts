import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/domain/question-facets.js';
import { readRecentUse, windowDays } from '../../src/understand/read-recent-use.js';

const drugAt = (text: string, name: string): Entity => {
  const start = text.indexOf(name);
  return {
    name,
    label: name,
    kind: 'drug',
    names: [name],
    topics: [name],
    relatedTopics: [],
    members: [],
    origin: 'question',
    background: true,
    span: [start, start + name.length],
  };
};

describe('readRecentUse', () => {
  it('reads a drug taken some time ago in the same sentence, in days', () => {
    const text = 'Fever and ear pain. Three weeks ago he completed a course of amoxicillin. What now?';
    expect(readRecentUse(text, [drugAt(text, 'amoxicillin')])).toEqual([
      { label: 'amoxicillin', names: ['amoxicillin'], days: 21 },
    ]);
    const recent = 'She took doxycycline 2 days ago for acne.';
    expect(readRecentUse(recent, [drugAt(recent, 'doxycycline')])[0]?.days).toBe(2);
  });

  it('ignores a drug in another sentence, or one only planned', () => {
    const other = 'He was well three weeks ago. He now takes amoxicillin.';
    expect(readRecentUse(other, [drugAt(other, 'amoxicillin')])).toEqual([]);
    const planned = 'A week ago we agreed he will start amoxicillin next month.';
    expect(readRecentUse(planned, [drugAt(planned, 'amoxicillin')])).toEqual([]);
  });

  it('reads the window a statement gives for recent use', () => {
    expect(windowDays('Use amoxicillin-clavulanate if amoxicillin was taken in the past 30 days.')).toBe(30);
    expect(windowDays('Antibiotics within the previous 3 months raise the risk of resistance.')).toBe(90);
    expect(windowDays('High-dose amoxicillin is first line.')).toBeNull();
  });
});
