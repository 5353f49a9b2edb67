// Hostile archives: a zip whose directory is sound but one file's packed data cannot be unpacked.

/**
 * A copy of `zip` in which the packed data of the entry named `name` starts with a deflate
 * block type that does not exist (the entry must be compressed, as zipSync does by default).
 */
export function breakPackedEntry(zip: Uint8Array, name: string): Uint8Array {
  const broken = zip.slice();
  const view = new DataView(broken.buffer);
  const wanted = new TextEncoder().encode(name);
  for (let at = 0; at + 30 < broken.length; at++) {
    if (view.getUint32(at, true) !== 0x04034b50) continue;
    const nameLength = view.getUint16(at + 26, true);
    const found = broken.subarray(at + 30, at + 30 + nameLength);
    if (found.length !== wanted.length || !found.every((b, k) => b === wanted[k])) continue;
    broken[at + 30 + nameLength + view.getUint16(at + 28, true)] = 0x07;
    return broken;
  }
  throw new Error(`${name} is not in the archive`);
}
