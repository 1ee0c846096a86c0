import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Passage } from '../../domain/passage.js';
import type { Source } from '../../domain/source.js';
import type { Topic } from '../../domain/topic.js';
import { VesaliusError } from '../../domain/errors.js';
import type { IndexHit, IndexQuery, IndexStats, IndexUnit, SearchIndex, SourceListing } from '../search-index.js';
import { toFtsMatch } from '../to-fts-match.js';
import { stemToken } from '../../text/stem-token.js';
import { COLUMN_WEIGHTS, SCHEMA_SQL, SCHEMA_VERSION } from './sqlite-schema.js';

type PassageData = Pick<Passage, 'ord' | 'citations' | 'answers' | 'topicId' | 'grade' | 'year'>;

interface PassageRow {
  id: string;
  source_id: string;
  data: string;
  title: string;
  keywords: string;
  section: string;
  text: string;
  rank?: number;
  text_rank?: number;
}

/** The embedded index: SQLite with FTS5 (true BM25 with column weights) in one file. */
export class SqliteSearchIndex implements SearchIndex {
  readonly path: string;
  private db: Database.Database;
  private readonly statements: ReturnType<SqliteSearchIndex['prepare']>;
  private plainStatement: Database.Statement | undefined;
  private readonly searchStatements = new Map<string, Database.Statement>();

  /** Set when the file was not a usable index: where the damaged copy was moved before rebuilding. */
  readonly recoveredFrom: string | null = null;

  constructor(path: string) {
    this.path = path;
    this.db = SqliteSearchIndex.open(path);
    try {
      this.setUp();
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (path === ':memory:' || !/^SQLITE_(NOTADB|CORRUPT)/.test(code)) throw error;
      // The index is derived data (the knowledge base and ingested files): a damaged one is set
      // aside and rebuilt rather than left to fail every question.
      this.db.close();
      const aside = `${path}.corrupt-${Date.now()}`;
      renameSync(path, aside);
      for (const suffix of ['-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
      this.recoveredFrom = aside;
      this.db = SqliteSearchIndex.open(path);
      this.setUp();
    }
    this.statements = this.prepare();
  }

  private static open(path: string): Database.Database {
    try {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      return new Database(path);
    } catch (error) {
      throw new VesaliusError(
        'INDEX_UNAVAILABLE',
        `Cannot open the index at ${path}: ${(error as Error).message}. Check the path and its permissions, or pass another one with --db.`,
        { cause: error },
      );
    }
  }

  private setUp(): void {
    // Several processes may open a fresh index at once (asks started together): wait for the
    // one that is writing instead of failing with "database is locked".
    this.db.pragma('busy_timeout = 30000');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('temp_store = MEMORY');
    this.migrate();
  }

  private migrate(): void {
    const hasMeta = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
    const version = hasMeta
      ? (this.db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined)
          ?.value
      : undefined;
    if (hasMeta && version !== SCHEMA_VERSION) {
      // An index is derived data: an old layout is rebuilt rather than migrated.
      this.db.exec(
        'DROP TABLE IF EXISTS passages_vocab; DROP TABLE IF EXISTS passages_fts; DROP TABLE IF EXISTS passages; DROP TABLE IF EXISTS citations; DROP TABLE IF EXISTS sources; DROP TABLE IF EXISTS topics; DROP TABLE IF EXISTS meta; DROP TABLE IF EXISTS words;',
      );
    }
    this.db.exec(SCHEMA_SQL);
    this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)").run(SCHEMA_VERSION);
  }

  private prepare() {
    const db = this.db;
    return {
      insertSource: db.prepare(
        'INSERT OR REPLACE INTO sources (id, origin, kind, title, cited_only, data) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      insertCitedSource: db.prepare(
        'INSERT INTO sources (id, origin, kind, title, cited_only, data) VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data, title = excluded.title, kind = excluded.kind WHERE sources.cited_only = 1',
      ),
      passageRowids: db.prepare('SELECT rowid FROM passages WHERE source_id = ?').pluck(),
      passageRowidById: db.prepare('SELECT rowid FROM passages WHERE id = ?').pluck(),
      deletePassageRow: db.prepare('DELETE FROM passages WHERE rowid = ?'),
      deleteFtsRow: db.prepare('DELETE FROM passages_fts WHERE rowid = ?'),
      deleteCitationsOf: db.prepare('DELETE FROM citations WHERE passage_rowid = ?'),
      deleteSource: db.prepare('DELETE FROM sources WHERE id = ?'),
      deleteTopicsOf: db.prepare('DELETE FROM topics WHERE source_id = ?'),
      insertPassage: db.prepare('INSERT INTO passages (id, source_id, origin, data) VALUES (?, ?, ?, ?)'),
      insertFts: db.prepare('INSERT INTO passages_fts (rowid, title, keywords, section, text) VALUES (?, ?, ?, ?, ?)'),
      insertCitation: db.prepare('INSERT INTO citations (passage_rowid, source_id) VALUES (?, ?)'),
      insertTopic: db.prepare('INSERT OR REPLACE INTO topics (id, source_id, data) VALUES (?, ?, ?)'),
      vocabDocs: db.prepare('SELECT doc FROM passages_vocab WHERE term = ?').pluck(),
      passageCount: db.prepare('SELECT COUNT(*) FROM passages').pluck(),
      getMeta: db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
      setMeta: db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
      passageById: db.prepare(
        'SELECT p.id, p.source_id, p.data, f.title, f.keywords, f.section, f.text FROM passages p JOIN passages_fts f ON f.rowid = p.rowid WHERE p.id = ?',
      ),
      passagesOfSource: db.prepare(
        'SELECT p.id, p.source_id, p.data, f.title, f.keywords, f.section, f.text FROM passages p JOIN passages_fts f ON f.rowid = p.rowid WHERE p.source_id = ? ORDER BY p.rowid',
      ),
      sourceById: db.prepare('SELECT data FROM sources WHERE id = ?').pluck(),
      topicById: db.prepare('SELECT data FROM topics WHERE id = ?').pluck(),
      allTopics: db.prepare('SELECT data FROM topics ORDER BY id').pluck(),
      sourceIdsByOrigin: db.prepare('SELECT id FROM sources WHERE origin = ? AND cited_only = 0').pluck(),
      pruneUncited: db.prepare(
        'DELETE FROM sources WHERE origin = ? AND cited_only = 1 AND NOT EXISTS (SELECT 1 FROM citations c WHERE c.source_id = sources.id)',
      ),
    };
  }

  write(units: IndexUnit[], options: { append?: boolean } = {}): void {
    const s = this.statements;
    this.db
      .transaction(() => {
        for (const unit of units) {
          const { source } = unit;
          if (!options.append) this.removeSource(source.id, false);
          s.insertSource.run(source.id, source.origin, source.kind, source.title, 0, JSON.stringify(source));
          for (const cited of unit.citedSources ?? []) {
            if (cited.id === source.id) continue;
            s.insertCitedSource.run(cited.id, cited.origin, cited.kind, cited.title, JSON.stringify(cited));
          }
          for (const passage of unit.passages) {
            if (options.append) this.removePassage(passage.id);
            const data: PassageData = { ord: passage.ord, citations: passage.citations, answers: passage.answers };
            if (passage.topicId !== undefined) data.topicId = passage.topicId;
            if (passage.grade !== undefined) data.grade = passage.grade;
            if (passage.year !== undefined) data.year = passage.year;
            const rowid = s.insertPassage.run(
              passage.id,
              source.id,
              source.origin,
              JSON.stringify(data),
            ).lastInsertRowid;
            s.insertFts.run(rowid, passage.title, passage.keywords, passage.section, passage.text);
            // A corpus passage that cites only its own source needs no citation row.
            for (const cited of new Set(passage.citations)) if (cited !== source.id) s.insertCitation.run(rowid, cited);
          }
          if (unit.topic) s.insertTopic.run(unit.topic.id, source.id, JSON.stringify(unit.topic));
        }
      })
      .immediate();
  }

  private removePassage(id: string): void {
    const rowid = this.statements.passageRowidById.get(id) as number | undefined;
    if (rowid === undefined) return;
    this.statements.deleteFtsRow.run(rowid);
    this.statements.deleteCitationsOf.run(rowid);
    this.statements.deletePassageRow.run(rowid);
  }

  private removeSource(id: string, deleteRecord: boolean): void {
    const s = this.statements;
    for (const rowid of s.passageRowids.all(id) as number[]) {
      s.deleteFtsRow.run(rowid);
      s.deleteCitationsOf.run(rowid);
      s.deletePassageRow.run(rowid);
    }
    s.deleteTopicsOf.run(id);
    if (deleteRecord) s.deleteSource.run(id);
  }

  deleteSources(ids: string[]): void {
    this.db
      .transaction(() => {
        for (const id of ids) this.removeSource(id, true);
      })
      .immediate();
  }

  pruneUncitedSources(origin: string): number {
    return this.statements.pruneUncited.run(origin).changes;
  }

  search(query: IndexQuery, limit: number): IndexHit[] {
    const match = toFtsMatch(query);
    if (match === null) return [];
    const weights = COLUMN_WEIGHTS.join(', ');
    const originFilter =
      query.origins && query.origins.length > 0 ? `AND p.origin IN (${query.origins.map(() => '?').join(', ')})` : '';
    const origins = query.origins ?? [];
    const order = query.textOnly ? 'text_rank' : 'rank';
    const key = `${origins.length}:${order}:${query.withTextScore ? 1 : 0}`;
    let statement = this.searchStatements.get(key);
    if (!statement) {
      statement = this.db.prepare(`SELECT p.id, p.source_id, p.data, f.title, f.keywords, f.section, f.text,
                    bm25(passages_fts, ${weights}) AS rank, ${query.textOnly || query.withTextScore ? 'bm25(passages_fts, 0, 0, 0, 1)' : '0'} AS text_rank
        FROM passages_fts f JOIN passages p ON p.rowid = f.rowid
        WHERE passages_fts MATCH ? ${originFilter}
        ORDER BY ${order} LIMIT ?`);
      this.searchStatements.set(key, statement);
    }
    const rows = statement.all(match, ...origins, limit) as PassageRow[];
    return rows.map((row) => ({ passage: toPassage(row), score: -(row.rank ?? 0), textScore: -(row.text_rank ?? 0) }));
  }

  /**
   * Plain BM25 over passage text only, for a raw FTS5 expression: the baseline that
   * evaluations and benchmarks compare with. Not for user input.
   */
  searchPlainText(match: string, limit: number): string[] {
    this.plainStatement ??= this.db.prepare(
      'SELECT p.id FROM passages_fts JOIN passages p ON p.rowid = passages_fts.rowid WHERE passages_fts MATCH ? ORDER BY bm25(passages_fts) LIMIT ?',
    );
    const statement = this.plainStatement;
    return statement.pluck().all(`text : (${match})`, limit) as string[];
  }

  getPassages(ids: string[]): Passage[] {
    const found: Passage[] = [];
    for (const id of ids) {
      const row = this.statements.passageById.get(id) as PassageRow | undefined;
      if (row) found.push(toPassage(row));
    }
    return found;
  }

  passagesOfSource(sourceId: string): Passage[] {
    return (this.statements.passagesOfSource.all(sourceId) as PassageRow[])
      .map(toPassage)
      .sort((a, b) => a.ord - b.ord);
  }

  getSources(ids: string[]): Source[] {
    return ids.flatMap((id) => {
      const data = this.statements.sourceById.get(id) as string | undefined;
      return data === undefined ? [] : [JSON.parse(data) as Source];
    });
  }

  getTopics(ids: string[]): Topic[] {
    return ids.flatMap((id) => {
      const data = this.statements.topicById.get(id) as string | undefined;
      return data === undefined ? [] : [JSON.parse(data) as Topic];
    });
  }

  listTopics(): Topic[] {
    return (this.statements.allTopics.all() as string[]).map((data) => JSON.parse(data) as Topic);
  }

  listSources(options: { origin?: string; limit: number; offset: number }): SourceListing[] {
    const where = options.origin ? 'WHERE s.origin = ?' : '';
    const rows = this.db
      .prepare(
        `SELECT s.data, (SELECT COUNT(*) FROM passages p WHERE p.source_id = s.id) AS n FROM sources s ${where} ORDER BY s.origin, s.id LIMIT ? OFFSET ?`,
      )
      .all(...(options.origin ? [options.origin] : []), options.limit, options.offset) as Array<{
      data: string;
      n: number;
    }>;
    return rows.map((row) => ({ source: JSON.parse(row.data) as Source, passages: row.n }));
  }

  sourceIdsByOrigin(origin: string): string[] {
    return this.statements.sourceIdsByOrigin.all(origin) as string[];
  }

  stats(): IndexStats {
    const count = (sql: string) => (this.db.prepare(sql).pluck().get() as number) ?? 0;
    const byOrigin: Record<string, number> = {};
    for (const row of this.db.prepare('SELECT origin, COUNT(*) AS n FROM passages GROUP BY origin').all() as Array<{
      origin: string;
      n: number;
    }>) {
      byOrigin[row.origin] = row.n;
    }
    return {
      sources: count('SELECT COUNT(*) FROM sources'),
      passages: count('SELECT COUNT(*) FROM passages'),
      topics: count('SELECT COUNT(*) FROM topics'),
      byOrigin,
    };
  }

  termStatistics(words: string[]): { documents: number; frequencies: Map<string, number> } {
    const frequencies = new Map<string, number>();
    for (const word of words) {
      if (frequencies.has(word)) continue;
      const term = stemToken(word);
      frequencies.set(word, (this.statements.vocabDocs.get(term) as number | undefined) ?? 0);
    }
    return { documents: this.statements.passageCount.get() as number, frequencies };
  }

  knownWords(words: string[]): Set<string> {
    const known = new Set<string>();
    const unique = [...new Set(words)];
    for (let start = 0; start < unique.length; start += 500) {
      const chunk = unique.slice(start, start + 500);
      const rows = this.db
        .prepare(`SELECT word FROM words WHERE word IN (${chunk.map(() => '?').join(',')})`)
        .pluck()
        .all(...chunk) as string[];
      for (const word of rows) known.add(word);
    }
    return known;
  }

  replaceWordList(version: string, words: Iterable<string>): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO words (word) VALUES (?)');
    this.db
      .transaction(() => {
        this.db.exec('DELETE FROM words');
        for (const word of words) insert.run(word);
        this.statements.setMeta.run('word_list_version', version);
      })
      .immediate();
  }

  wordListVersion(): string | undefined {
    return this.getMeta('word_list_version');
  }

  getMeta(key: string): string | undefined {
    return this.statements.getMeta.get(key) as string | undefined;
  }

  setMeta(key: string, value: string): void {
    this.statements.setMeta.run(key, value);
  }

  close(): void {
    this.db.close();
  }
}

function toPassage(row: PassageRow): Passage {
  const data = JSON.parse(row.data) as PassageData;
  const passage: Passage = {
    id: row.id,
    sourceId: row.source_id,
    section: row.section,
    text: row.text,
    title: row.title,
    keywords: row.keywords,
    ord: data.ord,
    citations: data.citations,
    answers: data.answers,
  };
  if (data.topicId !== undefined) passage.topicId = data.topicId;
  if (data.grade !== undefined) passage.grade = data.grade;
  if (data.year !== undefined) passage.year = data.year;
  return passage;
}
