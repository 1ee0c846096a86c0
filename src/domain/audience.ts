export const AUDIENCES = ['physician', 'nurse', 'pharmacist', 'student', 'patient'] as const;
export type Audience = (typeof AUDIENCES)[number];

export function isAudience(value: unknown): value is Audience {
  return typeof value === 'string' && (AUDIENCES as readonly string[]).includes(value);
}

export const AUDIENCE_LABELS: Record<Audience, string> = {
  physician: 'Physician',
  nurse: 'Nurse, NP or PA',
  pharmacist: 'Pharmacist',
  student: 'Medical student',
  patient: 'Patient or caregiver',
};
