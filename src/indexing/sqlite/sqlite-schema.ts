/** Schema of the embedded index. Bump SCHEMA_VERSION when it changes: the file is rebuilt. */
export const SCHEMA_VERSION = '5';

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (
  id TEXT PRIMARY KEY,
  origin TEXT NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  cited_only INTEGER NOT NULL DEFAULT 0,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sources_origin ON sources (origin);
CREATE TABLE IF NOT EXISTS passages (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  source_id TEXT NOT NULL,
  origin TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS passages_source ON passages (source_id);
CREATE TABLE IF NOT EXISTS citations (
  passage_rowid INTEGER NOT NULL,
  source_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS citations_source ON citations (source_id);
CREATE INDEX IF NOT EXISTS citations_passage ON citations (passage_rowid);
CREATE TABLE IF NOT EXISTS topics (id TEXT PRIMARY KEY, source_id TEXT NOT NULL, data TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5 (
  title, keywords, section, text,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS words (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS passages_vocab USING fts5vocab (passages_fts, 'row');
`;

/** BM25 column weights: title, keywords (synonyms, MeSH), section heading, text. */
export const COLUMN_WEIGHTS = [6, 3, 2, 1] as const;
