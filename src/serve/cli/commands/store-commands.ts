import type { Command } from 'commander';
import { backupEmbeddedStores, restoreEmbeddedStores } from '../../../wiring.js';
import { type CliIo, configFrom, type StoreOptions, storeOptions } from './editorial-store.js';

/** `vesalius store backup|restore`: copies of the embedded stores. */
export function registerStore(program: Command, io: CliIo): void {
  const store = program.command('store').description('Back up and restore the embedded stores (answers, editorial).');
  storeOptions(
    store
      .command('backup')
      .description('Copy the stores into a folder (safe while the server runs).')
      .argument('<folder>'),
  ).action(async (folder: string, options: StoreOptions) => {
    const config = configFrom(options);
    const manifest = await backupEmbeddedStores(config, folder);
    io.out(
      `Backed up ${manifest.files.map((file) => file.name).join(', ') || 'nothing (no stores yet)'} to ${folder}.\n`,
    );
  });
  storeOptions(
    store
      .command('restore')
      .description('Restore the stores from a backup folder (stop the server first).')
      .argument('<folder>'),
  ).action(async (folder: string, options: StoreOptions) => {
    const config = configFrom(options);
    const restored = await restoreEmbeddedStores(config, folder);
    io.out(`Restored ${restored.length} store(s) from ${folder}.\n`);
  });
}
