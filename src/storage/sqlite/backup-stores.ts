import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { VesaliusError } from '../../domain/errors.js';

interface Manifest {
  createdAt: string;
  files: Array<{ name: string; target: string }>;
}

/**
 * Copies the embedded stores (articles, editorial) into a folder with SQLite's online
 * backup, so a consistent copy is taken even while the server runs.
 */
export async function backupStores(paths: string[], folder: string, now: Date = new Date()): Promise<Manifest> {
  mkdirSync(folder, { recursive: true });
  const manifest: Manifest = { createdAt: now.toISOString(), files: [] };
  for (const path of paths.filter((candidate) => existsSync(candidate))) {
    const name = basename(path);
    const db = new Database(path, { readonly: true });
    try {
      await db.backup(join(folder, name));
    } finally {
      db.close();
    }
    manifest.files.push({ name, target: path });
  }
  writeFileSync(join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Restores the stores from a backup folder over their current files. Stop the server first. */
export async function restoreStores(folder: string, paths: string[]): Promise<string[]> {
  const manifestPath = join(folder, 'manifest.json');
  if (!existsSync(manifestPath))
    throw new VesaliusError('INVALID_INPUT', `${folder} is not a Vesalius backup (no manifest.json).`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const restored: string[] = [];
  for (const file of manifest.files) {
    const target = paths.find((path) => basename(path) === file.name);
    if (!target) continue;
    const source = new Database(join(folder, file.name), { readonly: true });
    try {
      // The backup API writes a complete copy, replacing the target's pages in one go.
      await source.backup(target);
    } finally {
      source.close();
    }
    restored.push(target);
  }
  return restored;
}
