import type { Audience } from './types';

export const AUDIENCE_LABELS: Record<Audience, string> = {
  physician: 'Physician',
  nurse: 'Nurse / NP / PA',
  pharmacist: 'Pharmacist',
  student: 'Medical student',
  patient: 'Patient or caregiver',
};

export const DEFAULT_AUDIENCE: Audience = 'physician';
