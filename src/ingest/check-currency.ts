import type { CurrencyRules } from '../domain/clinical-rules.js';
import type { IndexUnit } from '../indexing/search-index.js';
import type { TopicProblem } from './parse-topic-file.js';

export interface CurrencyReport {
  problems: Array<TopicProblem & { file: string }>;
  /** Distinct cited guidelines by age band of their publication year. */
  guidelinesByAge: Record<string, number>;
  /** Topics by how long ago their sources were last checked for newer editions. */
  topicsBySourcesChecked: Record<string, number>;
}

/**
 * Whether each topic's cited guidelines are current: a warning per guideline with a known
 * newer edition, per edition of an annual series older than this year, and one per topic
 * listing the guidelines older than the set age. Counts by age for `kb check --json`.
 */
export function checkCurrency(units: IndexUnit[], rules: CurrencyRules, today: Date): CurrencyReport {
  const year = today.getUTCFullYear();
  const problems: CurrencyReport['problems'] = [];
  const guidelineYears = new Map<string, number>();
  const topicsBySourcesChecked: Record<string, number> = {
    never: 0,
    'within 1 year': 0,
    '1-2 years': 0,
    'over 2 years': 0,
  };
  for (const unit of units) {
    const topic = unit.topic;
    if (!topic) continue;
    topicsBySourcesChecked[checkedBand(topic.sourcesChecked, today)] =
      (topicsBySourcesChecked[checkedBand(topic.sourcesChecked, today)] ?? 0) + 1;
    const old: string[] = [];
    for (const source of unit.citedSources ?? []) {
      if (source.kind !== 'guideline') continue;
      if (source.year) guidelineYears.set(source.id, source.year);
      const title = source.title.toLowerCase();
      const warn = (message: string) =>
        problems.push({ file: topic.file, severity: 'warning', location: `reference "${source.title}"`, message });
      const superseded = rules.superseded.find(
        (entry) =>
          title.includes(entry.match.toLowerCase()) &&
          (entry.before === undefined || (source.year ?? 0) < entry.before),
      );
      if (superseded) {
        warn(`a newer guideline replaces it: ${superseded.newer}; check the statements against it and cite it`);
        continue;
      }
      const series = rules.annualSeries.find((name) => title.includes(name.toLowerCase()));
      if (series && source.year && source.year < year) {
        warn(`"${series}" is re-issued every year and this is the ${source.year} edition; check the ${year} edition`);
        continue;
      }
      if (source.year && year - source.year > rules.maxGuidelineAgeYears) old.push(`${source.title} (${source.year})`);
    }
    if (old.length > 0) {
      problems.push({
        file: topic.file,
        severity: 'warning',
        location: 'references',
        message: `${old.length} cited guideline${old.length === 1 ? ' is' : 's are'} more than ${rules.maxGuidelineAgeYears} years old; check for newer editions: ${old.join('; ')}`,
      });
    }
  }
  const guidelinesByAge: Record<string, number> = { 'up to 5 years': 0, '6-10 years': 0, 'over 10 years': 0 };
  for (const published of guidelineYears.values()) {
    const age = year - published;
    const band = age <= 5 ? 'up to 5 years' : age <= 10 ? '6-10 years' : 'over 10 years';
    guidelinesByAge[band] = (guidelinesByAge[band] ?? 0) + 1;
  }
  return { problems, guidelinesByAge, topicsBySourcesChecked };
}

function checkedBand(checked: string | undefined, today: Date): string {
  if (!checked) return 'never';
  const days = (today.getTime() - Date.parse(checked)) / 86_400_000;
  return days <= 365 ? 'within 1 year' : days <= 730 ? '1-2 years' : 'over 2 years';
}
