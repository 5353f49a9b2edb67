// Taking the network out: every person (not those in the trash), read a page at a time so
// a large workspace never sits in one query's result, then written by a domain serializer.
import type { Person } from '../domain/person.js';
import { toVcard } from '../domain/export/vcard.js';
import type { StoreContext } from './context.js';
import { listPeople } from './people.js';

const PAGE = 1000;

export async function allPeople(ctx: StoreContext): Promise<Person[]> {
  const out: Person[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await listPeople(ctx, { limit: PAGE, offset, sort: 'name' });
    out.push(...page.items);
    if (page.items.length < PAGE) return out;
  }
}

export async function exportVcard(ctx: StoreContext): Promise<{ people: number; text: string }> {
  const people = await allPeople(ctx);
  return { people: people.length, text: toVcard(people) };
}
