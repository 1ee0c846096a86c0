/**
 * Whether this browser has an editorial session, and its role: a hint for showing the
 * "Review" link and the "Submit for review" button. The server checks every action anyway.
 */
const KEY = 'vesalius.editorialRole';

export function signedInRole(): string | null {
  try {
    return globalThis.sessionStorage?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
}

export function rememberSignedIn(role: string | null): void {
  try {
    if (role) globalThis.sessionStorage?.setItem(KEY, role);
    else globalThis.sessionStorage?.removeItem(KEY);
  } catch {
    // Storage disabled: the links are a convenience only.
  }
}
