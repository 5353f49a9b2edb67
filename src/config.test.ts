import { describe, expect, it } from 'vitest';
import { databaseTarget, describeTarget, readConfig } from './config.js';

describe('configuration', () => {
  it('uses the XDG data dir by default, then KITH_DB, then a postgres DATABASE_URL', () => {
    expect(databaseTarget({ HOME: '/home/ada' })).toEqual({
      kind: 'sqlite',
      file: expect.stringMatching(/\.local\/share\/kith\/kith\.db$/),
    });
    expect(databaseTarget({ XDG_DATA_HOME: '/data' })).toEqual({
      kind: 'sqlite',
      file: '/data/kith/kith.db',
    });
    expect(databaseTarget({ KITH_DB: 'here.db' })).toEqual({ kind: 'sqlite', file: 'here.db' });
    expect(databaseTarget({ KITH_DB: 'here.db', DATABASE_URL: 'postgresql://u@h/db' })).toEqual({
      kind: 'postgres',
      url: 'postgresql://u@h/db',
    });
  });

  it('refuses a DATABASE_URL that is not PostgreSQL', () => {
    expect(() => databaseTarget({ DATABASE_URL: 'mysql://x' })).toThrow(
      /^DATABASE_URL: must be a postgres:\/\//,
    );
    expect(() => readConfig({}, { KITH_PORT: 'http' })).toThrow(/^KITH_PORT: /);
  });

  it('lets flags win over the environment, and binds to loopback by default', () => {
    expect(readConfig({}, {})).toMatchObject({ host: '127.0.0.1', port: 4321 });
    expect(readConfig({ port: 9000 }, { KITH_PORT: '8000', KITH_HOST: '0.0.0.0' })).toMatchObject({
      host: '0.0.0.0',
      port: 9000,
    });
  });

  it('describes a PostgreSQL target without its password', () => {
    expect(
      describeTarget({ kind: 'postgres', url: 'postgres://ada:secret@db.local:5433/kith' }),
    ).toBe('PostgreSQL db.local:5433/kith');
  });
});
