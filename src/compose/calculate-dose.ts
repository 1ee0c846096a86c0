const PER_KG =
  /(\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:\.\d+)?))?\s*(mg|mcg|micrograms?|g|units?|mmol|mEq|mL)\/kg(?!\/(?:h|hr|hour|min))(?:\s*(?:per|\/)\s*(dose|day))?/iu;
const MAXIMUM =
  /^[^.;]{0,40}?\b(?:max(?:imum)?|up to|not (?:to )?exceed(?:ing)?|no more than)\b\D{0,12}(\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s*(mg|mcg|micrograms?|g|units?|mmol|mEq|mL)\b/iu;

/**
 * A weight-based dose worked out for the patient's weight, from a statement that gives it per
 * kilogram: "0.6 mg/kg (maximum 16 mg)" at 14 kg → "For 14 kg, 0.6 mg/kg is 8.4 mg." Plain
 * arithmetic on the cited statement, said as such; null when the statement has no per-kg dose.
 */
export function calculateDose(statement: string, weightKg: number): string | null {
  const match = PER_KG.exec(statement);
  if (!match?.[1] || !match[3] || weightKg <= 0 || weightKg > 150) return null;
  const unit = match[3].toLowerCase().startsWith('microgram') ? 'mcg' : match[3];
  const low = Number(match[1]) * weightKg;
  const high = match[2] ? Number(match[2]) * weightKg : null;
  const after = statement.slice((match.index ?? 0) + match[0].length);
  const maximum = MAXIMUM.exec(after);
  const cap =
    maximum?.[1] && maximum[2]?.toLowerCase().startsWith(unit.toLowerCase().slice(0, 2))
      ? Number(maximum[1].replace(/,/g, ''))
      : null;
  const capped = (value: number) => (cap !== null ? Math.min(value, cap) : value);
  const amount = high === null ? format(capped(low)) : `${format(capped(low))} to ${format(capped(high))}`;
  const per = match[4] ? ` per ${match[4].toLowerCase()}` : '';
  const rate = match[2] ? `${match[1]} to ${match[2]}` : match[1];
  const limit =
    cap !== null && (low > cap || (high ?? 0) > cap) ? `, capped at the ${format(cap)} ${unit} maximum` : '';
  return `For a weight of ${format(weightKg)} kg, ${rate} ${unit}/kg${per} works out to ${amount} ${unit}${per}${limit} (calculated; check against the statement).`;
}

function format(value: number): string {
  return Number(value.toFixed(value < 10 ? 2 : 1)).toString();
}
