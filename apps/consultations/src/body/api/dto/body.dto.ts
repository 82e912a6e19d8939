import { calendarDateSchema, consultedBodyKinds, regionCodeSchema } from '@tripartite/events';
import { listQuerySchema, pageSchemaOf } from '@tripartite/http';
import { z } from 'zod';
import { colleges, interestLinks } from '../../domain/body.types';

export const createBodyRequestSchema = z
  .object({
    kind: z.enum(consultedBodyKinds),
    region: regionCodeSchema,
    name: z.string().trim().min(1).max(200),
    organisationId: z
      .uuid()
      .describe('The CRPRP secretariat or ARS of the directory that answers for the body'),
    validFrom: calendarDateSchema,
    validUntil: calendarDateSchema.nullable().default(null),
  })
  .strict();
export type CreateBodyRequest = z.infer<typeof createBodyRequestSchema>;

export const listBodiesQuerySchema = listQuerySchema({
  region: regionCodeSchema.optional(),
  kind: z.enum(consultedBodyKinds).optional(),
  on: calendarDateSchema.optional().describe('Only bodies in existence on this day'),
});
export type ListBodiesQuery = z.infer<typeof listBodiesQuerySchema>;

export const bodyResponseSchema = createBodyRequestSchema.extend({
  id: z.uuid(),
  validUntil: calendarDateSchema.nullable(),
  version: z.number().int(),
});
export const bodyPageSchema = pageSchemaOf(bodyResponseSchema, 'By region, newest first');

const interestSchema = z
  .object({
    organisationId: z.uuid(),
    link: z.enum(interestLinks),
    from: calendarDateSchema,
    until: calendarDateSchema.nullable().default(null),
  })
  .strict();

const memberFields = {
  name: z.string().trim().min(1).max(200),
  college: z.enum(colleges),
  organisationId: z.uuid().nullable().default(null),
  email: z.email(),
  mandateFrom: calendarDateSchema,
  mandateUntil: calendarDateSchema.nullable().default(null),
  /** The declaration of interests (D.4641-34): organisations the member is linked to, dated. */
  interests: z.array(interestSchema).max(100).default([]),
};

export const addMemberRequestSchema = z.object(memberFields).strict();
export type AddMemberRequest = z.infer<typeof addMemberRequestSchema>;

export const updateMemberRequestSchema = z
  .object({
    name: memberFields.name.optional(),
    college: memberFields.college.optional(),
    organisationId: z.uuid().nullable().optional(),
    email: memberFields.email.optional(),
    mandateFrom: calendarDateSchema.optional(),
    mandateUntil: calendarDateSchema.nullable().optional(),
    interests: z.array(interestSchema).max(100).optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'must change at least one field' });
export type UpdateMemberRequest = z.infer<typeof updateMemberRequestSchema>;

export const memberResponseSchema = addMemberRequestSchema.extend({
  id: z.uuid(),
  bodyId: z.uuid(),
  organisationId: z.uuid().nullable(),
  mandateUntil: calendarDateSchema.nullable(),
  interests: z.array(interestSchema.extend({ until: calendarDateSchema.nullable() })),
  version: z.number().int(),
});
export const memberPageSchema = pageSchemaOf(memberResponseSchema, 'By name');
