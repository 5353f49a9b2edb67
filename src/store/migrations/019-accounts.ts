// Accounts, so one server can serve a person's devices and a team: who signs in, how (a
// password, passkeys), the sessions and API tokens that prove it on later requests, the
// invitations an owner sends, and failed sign-ins counted per account and per address. Every
// secret is stored as its SHA-256 (a session or token read from the database cannot be used).
// Each account owns one workspace; the existing ones keep their data, the first account to sign
// up takes the workspace a laptop already had.
import type { Kysely, Migration } from 'kysely';

export const accounts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('account')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // Lower-cased and trimmed: one address, one account.
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      // scrypt, with its parameters and salt (server/auth/passwords.ts).
      .addColumn('password_hash', 'text')
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('workspace_id', 'text', (c) => c.notNull().unique().references('workspace.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('account_session')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('account.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('user_agent', 'text')
      .execute();
    await db.schema
      .createIndex('account_session_by_account')
      .on('account_session')
      .columns(['account_id'])
      .execute();
    await db.schema
      .createTable('api_token')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('account.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      // The first characters of the token, shown in lists so a person can tell theirs apart.
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('read_only', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .execute();
    await db.schema
      .createIndex('api_token_by_account')
      .on('api_token')
      .columns(['account_id'])
      .execute();
    await db.schema
      .createTable('invitation')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_by', 'text', (c) => c.notNull().references('account.id'))
      .addColumn('email', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addColumn('used_by', 'text')
      .execute();
    await db.schema
      .createTable('passkey')
      // The credential's id as the authenticator gave it (base64url).
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('account.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('public_key', 'text', (c) => c.notNull())
      .addColumn('counter', 'bigint', (c) => c.notNull())
      .addColumn('transports', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .execute();
    await db.schema
      .createIndex('passkey_by_account')
      .on('passkey')
      .columns(['account_id'])
      .execute();
    // A WebAuthn challenge between the two requests of a ceremony: in the database, because
    // the second request may reach another app server.
    await db.schema
      .createTable('auth_challenge')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text')
      .addColumn('challenge', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    // Failed sign-ins, by "email:…" and "address:…", for the limits on guessing.
    await db.schema
      .createTable('sign_in_failure')
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('sign_in_failure_by_key')
      .on('sign_in_failure')
      .columns(['key', 'at'])
      .execute();
  },
};
