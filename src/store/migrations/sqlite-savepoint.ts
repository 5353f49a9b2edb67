// A migration's work on SQLite in one savepoint: Kysely runs SQLite's migrations outside a
// transaction, and a migration that fails halfway must leave the database as it was.
import { sql, type Kysely } from 'kysely';

export async function inSqliteSavepoint(
  db: Kysely<unknown>,
  name: string,
  work: () => Promise<void>,
): Promise<void> {
  const savepoint = sql.id(name);
  await sql`SAVEPOINT ${savepoint}`.execute(db);
  try {
    await work();
    await sql`RELEASE ${savepoint}`.execute(db);
  } catch (error) {
    await sql`ROLLBACK TO ${savepoint}`.execute(db);
    await sql`RELEASE ${savepoint}`.execute(db);
    throw error;
  }
}
