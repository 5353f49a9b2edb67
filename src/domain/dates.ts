// Calendar dates as text (YYYY-MM-DD): checked without a schema library, so the CLI can
// parse a date in its options without loading the schemas.

/** Days already checked: an import names the same few thousand days again and again. */
const checkedDays = new Map<string, boolean>();

export function isRealDate(s: string): boolean {
  let real = checkedDays.get(s);
  if (real === undefined) {
    const d = new Date(`${s}T00:00:00.000Z`);
    real = !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    // Bounded: a hostile file of random strings empties it rather than filling the memory.
    if (checkedDays.size >= 20_000) checkedDays.clear();
    checkedDays.set(s, real);
  }
  return real;
}
