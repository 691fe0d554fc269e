import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorruptDatabaseError, createStore } from '../src/index';

/** What only SQLite has: a file on the local disk. */
describe('SQLite file', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'operon-sqlite-'));
  });
  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('keeps the data in <data directory>/operon.sqlite, in write-ahead-log mode', async () => {
    const dataDirectory = join(directory, 'data', 'operon');
    const store = createStore({ dataDirectory });
    await store.migrate();
    await store.close();

    const filename = join(dataDirectory, 'operon.sqlite');
    expect(existsSync(filename)).toBe(true);
    const database = new Database(filename, { readonly: true });
    expect(database.pragma('journal_mode', { simple: true })).toBe('wal');
    database.close();
  });

  it('names the file when it is not a database at all', () => {
    const filename = join(directory, 'operon.sqlite');
    writeFileSync(filename, 'these are my notes, not a database\n'.repeat(200));

    expect(() => createStore({ filename })).toThrow(CorruptDatabaseError);
    expect(() => createStore({ filename })).toThrow(`The SQLite file ${filename} is not a usable Operon database`);
  });

  it('names the file when its pages are damaged', async () => {
    const filename = join(directory, 'operon.sqlite');
    const healthy = createStore({ filename });
    await healthy.migrate();
    await healthy.close();
    const file = openSync(filename, 'r+');
    writeSync(file, Buffer.alloc(4 * 4096, 0x5a), 0, 4 * 4096, 4096);
    closeSync(file);

    const damaged = createStore({ filename });
    const failure = await damaged.migrate().catch((error: unknown) => error);
    await damaged.close();
    expect(failure).toBeInstanceOf(CorruptDatabaseError);
    expect((failure as CorruptDatabaseError).filename).toBe(filename);
  });

  it('names the file it cannot open', () => {
    const filename = join(directory, 'missing', 'directory', 'operon.sqlite');
    expect(() => createStore({ filename })).toThrow(`Cannot open the SQLite file ${filename}`);
  });

  it('runs in memory for tests', async () => {
    const store = createStore({ filename: ':memory:' });
    expect((await store.migrate()).applied).toEqual([
      '0001-initial',
      '0002-identity',
      '0003-bpmn-coverage',
      '0004-history-steps',
    ]);
    expect(store.dialect).toBe('sqlite');
    await store.close();
  });

  it('asks where to keep the data when told nothing', () => {
    expect(() => createStore({})).toThrow(/PostgreSQL url, a data directory, or a SQLite file/);
    expect(() => createStore({ url: 'mysql://localhost/operon' })).toThrow(/postgres:\/\//);
  });
});
