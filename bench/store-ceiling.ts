/**
 * The store's raw ceiling: how many single-row INSERT transactions per second the database itself
 * commits, with the durability settings Operon uses and nothing of Operon in between. A runtime
 * figure divided by this one says how much of the limit it reaches.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import pg from 'pg';
import { median } from './measure';

export interface Ceiling {
  /** Committed single-row INSERT transactions per second: the median of the rounds. */
  readonly commitsPerSecond: number;
  /** Each round's figure: fsync rates on shared machines vary a lot from second to second. */
  readonly roundsPerSecond: readonly number[];
  readonly commits: number;
  readonly durationMs: number;
  /** Connections committing at once (always 1 for SQLite, which has one writer). */
  readonly connections: number;
  readonly settings: string;
}

const PAYLOAD = JSON.stringify({ status: 'active', elementId: 'task-a', variables: {} });

const ROUNDS = 3;

/**
 * One INSERT per transaction on a fresh file in the OS temp dir, opened as the store opens it:
 * WAL and `synchronous=FULL`, so every commit is an fsync of the log. `durationMs` in all, in three rounds.
 */
export function sqliteCeiling(durationMs: number): Ceiling {
  const directory = mkdtempSync(join(tmpdir(), 'operon-ceiling-'));
  const database = new Database(join(directory, 'ceiling.sqlite'));
  try {
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.exec('create table steps (id integer primary key, payload text not null)');
    const begin = database.prepare('begin immediate');
    const insert = database.prepare('insert into steps (payload) values (?)');
    const commit = database.prepare('commit');
    let commits = 0;
    let elapsed = 0;
    const roundsPerSecond: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      const deadline = started + durationMs / ROUNDS;
      let now = started;
      let roundCommits = 0;
      while (now < deadline) {
        begin.run();
        insert.run(PAYLOAD);
        commit.run();
        roundCommits++;
        now = performance.now();
      }
      roundsPerSecond.push(roundCommits / ((now - started) / 1000));
      commits += roundCommits;
      elapsed += now - started;
    }
    return {
      commitsPerSecond: median(roundsPerSecond),
      roundsPerSecond,
      commits,
      durationMs: elapsed,
      connections: 1,
      settings: 'better-sqlite3, journal_mode=WAL, synchronous=FULL, BEGIN IMMEDIATE; INSERT; COMMIT',
    };
  } finally {
    database.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * `connections` clients each committing one INSERT per transaction (autocommit) as fast as they can, in three rounds, into a
 * table of a schema made for the purpose and dropped afterwards. PostgreSQL's own settings apply
 * (synchronous_commit, commit_delay), and are reported.
 */
export async function postgresCeiling(url: string, connections: number, durationMs: number): Promise<Ceiling> {
  const schema = `operon_ceiling_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const clients: pg.Client[] = [];
  try {
    const { rows } = await admin.query<{ name: string; setting: string }>(
      `select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'commit_delay', 'wal_sync_method') order by name`,
    );
    await admin.query(`create schema ${schema}`);
    await admin.query(`create table ${schema}.steps (id bigserial primary key, payload text not null)`);
    for (let i = 0; i < connections; i++) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      clients.push(client);
    }
    const statement = { name: 'ceiling-insert', text: `insert into ${schema}.steps (payload) values ($1)` };
    let commits = 0;
    let elapsed = 0;
    const roundsPerSecond: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      let roundCommits = 0;
      const started = performance.now();
      const deadline = started + durationMs / ROUNDS;
      await Promise.all(
        clients.map(async (client) => {
          while (performance.now() < deadline) {
            await client.query({ ...statement, values: [PAYLOAD] });
            roundCommits++;
          }
        }),
      );
      const roundElapsed = performance.now() - started;
      roundsPerSecond.push(roundCommits / (roundElapsed / 1000));
      commits += roundCommits;
      elapsed += roundElapsed;
    }
    return {
      commitsPerSecond: median(roundsPerSecond),
      roundsPerSecond,
      commits,
      durationMs: elapsed,
      connections,
      settings: `pg, autocommit INSERT; ${rows.map((row) => `${row.name}=${row.setting}`).join(', ')}`,
    };
  } finally {
    await Promise.all(clients.map((client) => client.end()));
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
}
