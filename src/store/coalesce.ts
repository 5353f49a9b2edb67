// Requests for the same answer that arrive while it is being worked out share the next
// working-out that begins after they arrived. Each still sees every write made before it
// asked (its answer is read after it arrived), yet under load one computation serves all who
// were waiting: 50 clients asking for Today at once cost two computations, not 50.

export type Coalesced<T> = (key: string, work: () => Promise<T>) => Promise<T>;

export function coalesced<T>(): Coalesced<T> {
  const slots = new Map<string, { running: Promise<T> | null; next: Promise<T> | null }>();
  return (key, work) => {
    let slot = slots.get(key);
    if (!slot) {
      slot = { running: null, next: null };
      slots.set(key, slot);
    }
    const own = slot;
    if (own.next) return own.next;
    const start = () => {
      const running = work();
      own.running = running;
      const done = () => {
        if (own.running !== running) return;
        own.running = null;
        if (!own.next) slots.delete(key);
      };
      running.then(done, done);
      return running;
    };
    if (!own.running) return start();
    // One is under way, begun before this request: its reads may predate this request's
    // view of the data, so the next one, begun once it ends, is this request's.
    own.next = own.running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        own.next = null;
        return start();
      });
    return own.next;
  };
}
