import { describe, expect, it } from 'vitest';
import { fieldsOf, tsQuery } from './postgres-search.js';

describe('a person document read back from PostgreSQL', () => {
  it('puts each word under every field its weights say, as PostgreSQL writes a tsvector', () => {
    // What (setweight(name,A) || setweight(work,C) || notes)::text gives: positions, a weight
    // letter unless D, a word in two fields, a doubled quote inside a word.
    expect(fieldsOf("'ann':1A,6 'design':3C 'it''s':4C 'lee':2A 'notes':7 's':5C")).toEqual({
      name: 'ann lee',
      tags: '',
      work: "design it's s",
      notes: 'ann notes',
    });
    expect(fieldsOf("'mentor':2B,5B 'pricing':3B,9 'x'")).toEqual({
      name: '',
      tags: 'mentor pricing',
      work: '',
      notes: 'pricing x',
    });
    expect(fieldsOf('')).toEqual({ name: '', tags: '', work: '', notes: '' });
  });

  it('asks for every term or any, as whole words or word beginnings', () => {
    expect(tsQuery({ terms: ['ann', 'lee'], every: true, wholeWords: true })).toBe('ann & lee');
    expect(tsQuery({ terms: ['ann', 'lee'], every: false, wholeWords: false })).toBe(
      'ann:* | lee:*',
    );
  });
});
