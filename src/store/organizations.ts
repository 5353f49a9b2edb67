// Organizations: found or created by folded name when a person names one.
import { KithError, notFound, parseOrThrow } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import {
  organizationCreateSchema,
  organizationPatchSchema,
  type Organization,
} from '../domain/organization.js';
import { nameKey } from '../domain/text.js';
import { inTransaction, type StoreContext } from './context.js';
import { reindexPeople } from './people.js';
import type { OrganizationTable } from './schema.js';

async function toOrganizations(
  ctx: StoreContext,
  rows: OrganizationTable[],
): Promise<Organization[]> {
  if (rows.length === 0) return [];
  const counts = await ctx.db
    .selectFrom('person')
    .select(['organization_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where(
      'organization_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('archived_at', 'is', null)
    .groupBy('organization_id')
    .execute();
  const byId = new Map(counts.map((c) => [c.organization_id, Number(c.n)]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    domain: r.domain,
    peopleCount: byId.get(r.id) ?? 0,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function listOrganizations(ctx: StoreContext): Promise<Organization[]> {
  const rows = await ctx.db
    .selectFrom('organization')
    .selectAll()
    .where('workspace_id', '=', ctx.workspaceId)
    .orderBy('name_key')
    .execute();
  return toOrganizations(ctx, rows);
}

export async function getOrganization(ctx: StoreContext, id: string): Promise<Organization> {
  const row = await ctx.db
    .selectFrom('organization')
    .selectAll()
    .where('workspace_id', '=', ctx.workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('organization', id);
  const [org] = await toOrganizations(ctx, [row]);
  if (!org) throw notFound('organization', id);
  return org;
}

export async function createOrganization(ctx: StoreContext, input: unknown): Promise<Organization> {
  const data = parseOrThrow(organizationCreateSchema, input);
  return inTransaction(ctx, async (tx) => {
    const key = nameKey(data.name);
    const clash = await findByKey(tx, key);
    if (clash) {
      throw new KithError(
        'conflict',
        `name: an organization named "${clash.name}" exists already.`,
        'name',
      );
    }
    const now = tx.now().toISOString();
    const id = newId();
    await tx.db
      .insertInto('organization')
      .values({
        id,
        workspace_id: tx.workspaceId,
        name: data.name,
        name_key: key,
        domain: data.domain ?? null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return getOrganization(tx, id);
  });
}

function findByKey(ctx: StoreContext, key: string) {
  return ctx.db
    .selectFrom('organization')
    .select(['id', 'name'])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('name_key', '=', key)
    .executeTakeFirst();
}

export async function updateOrganization(
  ctx: StoreContext,
  id: string,
  input: unknown,
): Promise<Organization> {
  const patch = parseOrThrow(organizationPatchSchema, input);
  return inTransaction(ctx, async (tx) => {
    const current = await getOrganization(tx, id);
    const name = patch.name ?? current.name;
    const key = nameKey(name);
    const clash = await findByKey(tx, key);
    if (clash && clash.id !== id) {
      throw new KithError(
        'conflict',
        `name: an organization named "${clash.name}" exists already.`,
        'name',
      );
    }
    await tx.db
      .updateTable('organization')
      .set({
        name,
        name_key: key,
        domain: patch.domain === undefined ? current.domain : patch.domain,
        updated_at: tx.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    if (name !== current.name) await reindexPeople(tx, await peopleOf(tx, id));
    return getOrganization(tx, id);
  });
}

/** Deleting an organization keeps its people; they just no longer name it. */
export async function deleteOrganization(ctx: StoreContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await getOrganization(tx, id);
    const people = await peopleOf(tx, id);
    await tx.db
      .updateTable('person')
      .set({ organization_id: null, updated_at: tx.now().toISOString() })
      .where('organization_id', '=', id)
      .execute();
    await tx.db.deleteFrom('organization').where('id', '=', id).execute();
    await reindexPeople(tx, people);
  });
}

async function peopleOf(ctx: StoreContext, organizationId: string): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('person')
    .select('id')
    .where('organization_id', '=', organizationId)
    .execute();
  return rows.map((r) => r.id);
}
