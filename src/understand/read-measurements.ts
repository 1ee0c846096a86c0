import type { Measurement } from '../domain/question-facets.js';
import type { CompiledRules } from './compile-rules.js';

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)`;
/** After a quantity's name: "of 25", "is 40", "= 118", "fallen from 60 to 38", "25 mL/min". */
const AFTER = new RegExp(
  String.raw`^[\s:=]*(?:(?:level|value|count|score|clearance|is|was|of|at|around|about|approximately|only|now|has|have|had|fallen|fall|falls|dropped|drop|risen|rise|gone|come|came|back|down|up|that|reading|persistently|measured|currently|today)\s+){0,5}(?:from\s+${NUMBER}\s+to\s+)?[<>≤≥~≈]?\s*${NUMBER}`,
  'iu',
);
/** Before it: "118 sodium" is rare; "a sodium of" is handled after. */

export interface ReadMeasurements {
  measurements: Measurement[];
  ageYears: number | null;
}

/** The numbers a question gives with their quantities, and the patient's age. */
export function readMeasurements(text: string, rules: CompiledRules): ReadMeasurements {
  const measurements: Measurement[] = [];
  const taken: Array<[number, number]> = [];
  for (const rule of rules.measurements) {
    for (const alias of rule.aliases) {
      const global = new RegExp(alias.source, 'giu');
      for (const match of text.matchAll(global)) {
        const end = (match.index ?? 0) + match[0].length;
        const after = AFTER.exec(text.slice(end, end + 60));
        if (!after) continue;
        const raw = after[2] ?? after[1] ?? '';
        const value = Number(raw.replace(/,/g, ''));
        if (!Number.isFinite(value)) continue;
        const start = end + (after.index ?? 0) + after[0].lastIndexOf(raw);
        if (taken.some(([from, to]) => start >= from && start < to)) continue;
        taken.push([start, start + raw.length]);
        if (rule.name === 'weight' && !/\bkg\b|kilo/i.test(text.slice(start, start + raw.length + 8))) continue;
        // A value in another unit than the rule's ("blood sugar 9", in mmol/L) is not read as the rule's unit.
        if (rule.plausible && (value < rule.plausible.low || value > rule.plausible.high)) continue;
        measurements.push({
          name: rule.name,
          label: rule.label,
          value,
          unit: rule.unit,
          text: `${match[0]} ${raw}`.trim(),
        });
        break;
      }
      if (measurements.some((measurement) => measurement.name === rule.name)) break;
    }
  }
  // A weight written as "14 kg" with no word for it.
  if (!measurements.some((measurement) => measurement.name === 'weight')) {
    const kg = /\b(\d+(?:\.\d+)?)\s?kg\b(?!\/)/iu.exec(text);
    if (kg?.[1]) measurements.push({ name: 'weight', label: 'weight', value: Number(kg[1]), unit: 'kg', text: kg[0] });
  }
  return { measurements, ageYears: readAge(text) };
}

function readAge(text: string): number | null {
  const months = /\b(\d{1,2})[- ]?(month|mo)s?[- ]?old\b/iu.exec(text);
  if (months?.[1]) return Number(months[1]) / 12;
  const weeks = /\b(\d{1,2})[- ]?(week|wk)s?[- ]?old\b/iu.exec(text);
  if (weeks?.[1]) return Number(weeks[1]) / 52;
  const days = /\b(\d{1,2})[- ]?days?[- ]?old\b/iu.exec(text);
  if (days?.[1]) return Number(days[1]) / 365;
  const years =
    /\b(\d{1,3})[- ]?(?:years?|yrs?|y)[- ]?(?:old|\/o)\b|\b(\d{1,3})\s?(?:yo|y\/o)\b|\baged? (\d{1,3})\b|\bi'?m (\d{1,3})\b(?![-\s]?(?:weeks|kg|lb|cm))/iu.exec(
      text,
    );
  const value = years?.[1] ?? years?.[2] ?? years?.[3] ?? years?.[4];
  return value ? Number(value) : null;
}
