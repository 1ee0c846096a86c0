/**
 * A warning when a database URL given on the command line carries a password, which any user
 * of the machine can read in the process list; null when there is none.
 */
export function databaseUrlWarning(url: string): string | null {
  try {
    if (!new URL(url).password) return null;
  } catch {
    return null;
  }
  return 'Warning: the password in --database is visible to every user of this machine in the process list; set VESALIUS_DATABASE_URL instead.\n';
}
