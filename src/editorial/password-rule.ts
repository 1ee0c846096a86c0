/** Passwords everyone tries first (the head of public breach lists), compared without case. */
const COMMON = new Set([
  'password',
  'password1',
  'password12',
  'password123',
  'password1234',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'qwerty',
  'qwertyuiop',
  'qwerty123',
  'qwerty12345',
  '123456',
  '12345678',
  '123456789',
  '1234567890',
  '123456789012',
  'letmein',
  'letmein123',
  'welcome',
  'welcome123',
  'iloveyou',
  'admin',
  'admin123',
  'administrator',
  'changeme',
  'changeme123',
  'trustno1',
  'monkey',
  'dragon',
  'sunshine',
  'football',
  'baseball',
  'princess',
  'abc123',
  'abcdefghijkl',
  'correcthorse',
  'vesalius',
  'vesalius123',
]);

/**
 * Why a password would be easy to guess, or null when it is acceptable: at least 12
 * characters, not blank, not one character repeated or a run ("aaaaaaaaaaaa", "123456789012"),
 * not a common password with digits or symbols added, and not the username.
 */
export function passwordWeakness(password: string, username = ''): string | null {
  if (password.length < 12) return 'must be at least 12 characters';
  if (password.trim().length === 0) return 'cannot be only spaces';
  const lower = password.toLowerCase();
  if (new Set(lower).size <= 3) return 'needs more than three different characters';
  const stem = lower.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
  if (COMMON.has(lower) || COMMON.has(stem)) return 'is a commonly used password';
  if (username && lower.includes(username.toLowerCase())) return 'must not contain the username';
  const codes = [...lower].map((character) => character.charCodeAt(0));
  const steps = codes.slice(1).map((code, index) => code - (codes[index] ?? 0));
  if (steps.every((step) => step === 1) || steps.every((step) => step === -1)) return 'must not be a simple sequence';
  return null;
}
