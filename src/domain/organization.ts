// Organizations people work at. A person names their organization by text; the store
// finds or creates the organization by its folded name, so "ACME" and "Acme" are one.
import { z } from 'zod';
import { LIMITS, requiredText, timestamp } from './fields.js';

const domainName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    error: 'must be a domain name like example.com',
  });

export const organizationCreateSchema = z
  .object({
    name: requiredText(LIMITS.name, 'name'),
    domain: domainName.nullable().optional(),
  })
  .strict();
export type OrganizationCreate = z.output<typeof organizationCreateSchema>;

export const organizationPatchSchema = organizationCreateSchema.partial().strict();
export type OrganizationPatch = z.output<typeof organizationPatchSchema>;

export const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  domain: z.string().nullable(),
  peopleCount: z.int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Organization = z.infer<typeof organizationSchema>;
