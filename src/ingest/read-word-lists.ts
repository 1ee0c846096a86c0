import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import englishWordsPath from 'word-list';

const require = createRequire(import.meta.url);

/** The dictionaries a question's words are checked against: English words and medical terms. */
export interface WordLists {
  /** Changes whenever a list's package version changes: the index then reloads them. */
  version: string;
  words: () => Iterable<string>;
}

/**
 * English (`word-list`, about 274,000 words) and medical terms (`@cspell/dict-medicalterms`,
 * about 98,000), both maintained npm packages read from node_modules, lower-cased.
 */
export function readWordLists(): WordLists {
  const medicalDir = dirname(require.resolve('@cspell/dict-medicalterms/cspell-ext.json'));
  const englishDir = dirname(englishWordsPath);
  const versionOf = (dir: string) =>
    (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    version: `word-list@${versionOf(englishDir)}+medicalterms@${versionOf(medicalDir)}`,
    *words() {
      for (const line of readFileSync(englishWordsPath, 'utf8').split('\n')) if (line) yield line.toLowerCase();
      const medical = gunzipSync(readFileSync(join(medicalDir, 'dict', 'medicalterms-en.txt.gz'))).toString('utf8');
      for (const line of medical.split('\n')) {
        const word = line.trim().toLowerCase();
        if (word && !word.startsWith('#')) yield word;
      }
    },
  };
}
