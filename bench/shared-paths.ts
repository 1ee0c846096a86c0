import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = ROOT;

/** ../shared beside the repository (or VESALIUS_SHARED_DIR). */
export function sharedDir(): string {
  const dir = process.env['VESALIUS_SHARED_DIR'] ?? resolve(root, '..', 'shared');
  if (!existsSync(dir))
    throw new Error(`shared data not found at ${dir}: clone the repository beside shared/ or set VESALIUS_SHARED_DIR`);
  return dir;
}

/** A scratch folder for benchmark and evaluation indexes, outside the repository's tracked files. */
export function scratchDir(): string {
  const dir = join(root, 'test-output', 'bench');
  mkdirSync(dir, { recursive: true });
  return dir;
}
