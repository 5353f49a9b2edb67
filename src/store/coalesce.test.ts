import { describe, expect, it } from 'vitest';
import { coalesced } from './coalesce.js';

/** Work whose end the test decides, counting how often it began. */
function controlled() {
  const ends: (() => void)[] = [];
  let began = 0;
  let version = 0;
  const work = () => {
    began += 1;
    const seen = version;
    return new Promise<number>((resolve) => ends.push(() => resolve(seen)));
  };
  return {
    work,
    began: () => began,
    write: () => (version += 1),
    end: async () => {
      ends.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

describe('coalesced answers', () => {
  it('serves everyone who waited with one computation begun after they asked', async () => {
    const share = coalesced<number>();
    const c = controlled();
    const first = share('today', c.work);
    c.write();
    // Asked after the write: the computation under way began before it, so they wait for the next.
    const later = [share('today', c.work), share('today', c.work), share('today', c.work)];
    expect(c.began()).toBe(1);
    await c.end();
    expect(await first).toBe(0);
    expect(c.began()).toBe(2);
    await c.end();
    expect(await Promise.all(later)).toEqual([1, 1, 1]);
    // Nothing under way: the next request begins at once.
    const again = share('today', c.work);
    expect(c.began()).toBe(3);
    await c.end();
    expect(await again).toBe(1);
  });

  it('keeps different keys apart, and a failure reaches only those who shared it', async () => {
    const share = coalesced<number>();
    let calls = 0;
    const failing = () => Promise.reject(new Error(`failed ${++calls}`));
    await expect(share('a', failing)).rejects.toThrow('failed 1');
    await expect(share('a', async () => 7)).resolves.toBe(7);
    await expect(share('b', async () => 8)).resolves.toBe(8);
  });
});
