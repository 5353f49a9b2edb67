// The SQLite row writer on its own (PostgreSQL's is exercised by every store test run there).
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database as Schema } from '../schema.js';
import { preparedRowWriter, type RowWriter } from './row-writer.js';

describe('preparedRowWriter', () => {
  let raw: Database.Database;
  let db: Kysely<Schema>;
  let writer: RowWriter;
  const count = () => (raw.prepare('SELECT count(*) AS n FROM tag').get() as { n: number }).n;
  const names = () => raw.prepare('SELECT name FROM tag ORDER BY id').pluck().all();

  beforeEach(() => {
    raw = new Database(':memory:');
    raw.exec(`CREATE TABLE tag (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, name TEXT NOT NULL,
      UNIQUE (workspace_id, name))`);
    db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: raw }) });
    writer = preparedRowWriter(raw);
  });

  it('writes every row, or none when one is wrong, inside a transaction or not', async () => {
    await writer.insert(db, 'tag', [
      { id: 'a', workspace_id: 'w', name: 'finance' },
      { id: 'b', workspace_id: 'w', name: 'taxes' },
    ]);
    expect(names()).toEqual(['finance', 'taxes']);
    // A row without a column is refused, not written with a value shifted into the wrong place.
    await expect(
      writer.insert(db, 'tag', [
        { id: 'c', workspace_id: 'w', name: 'design' },
        { id: 'd', workspace_id: 'w' } as never,
      ]),
    ).rejects.toThrow('tag: a row has no name');
    // A row that breaks a constraint takes the others of its call with it.
    await expect(
      writer.insert(db, 'tag', [
        { id: 'e', workspace_id: 'w', name: 'design' },
        { id: 'f', workspace_id: 'w', name: 'finance' },
      ]),
    ).rejects.toThrow(/UNIQUE/);
    expect(count()).toBe(2);
  });

  it('does nothing, or replaces the columns asked for, when a row meets one already there', async () => {
    await writer.insert(db, 'tag', [{ id: 'a', workspace_id: 'w', name: 'finance' }]);
    await writer.insert(db, 'tag', [{ id: 'b', workspace_id: 'w', name: 'finance' }], {
      columns: ['workspace_id', 'name'],
      update: [],
    });
    expect(raw.prepare('SELECT id FROM tag').pluck().all()).toEqual(['a']);
    await writer.insert(db, 'tag', [{ id: 'c', workspace_id: 'w', name: 'finance' }], {
      columns: ['workspace_id', 'name'],
      update: ['id'],
    });
    expect(raw.prepare('SELECT id FROM tag').pluck().all()).toEqual(['c']);
  });

  it('sets columns of many rows by key, and only theirs', async () => {
    await writer.insert(db, 'tag', [
      { id: 'a', workspace_id: 'w', name: 'finance' },
      { id: 'b', workspace_id: 'w', name: 'taxes' },
      { id: 'c', workspace_id: 'w', name: 'design' },
    ]);
    await writer.update(db, 'tag', 'id', [
      { id: 'c', name: 'product design' },
      { id: 'a', name: 'personal finance' },
    ]);
    expect(names()).toEqual(['personal finance', 'taxes', 'product design']);
    await expect(writer.update(db, 'tag', 'id', [{ id: 'b' }])).rejects.toThrow(
      'tag: an update with nothing to set',
    );
    await expect(
      writer.update(db, 'tag', 'id', [{ id: 'b', name: 'x' }, { id: 'c' }]),
    ).rejects.toThrow('tag: a row has no name');
    expect(names()).toEqual(['personal finance', 'taxes', 'product design']);
  });
});
