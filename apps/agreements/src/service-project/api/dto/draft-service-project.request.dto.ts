import { calendarDateSchema } from '@tripartite/events';
import { z } from 'zod';

export const priorityRequestSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().min(1).max(5_000),
  })
  .strict();

const title = z.string().trim().min(1).max(200);
const diagnosis = z.string().trim().min(1).max(20_000);
const priorities = z.array(priorityRequestSchema).min(1).max(30);

/**
 * Body of `POST /api/v1/service-projects`. The shape is checked here (400); the rules of the project
 * (the period ends after it starts, priorities named once, the service is an SSTI or SSTA) are the
 * domain's (422).
 */
export const draftServiceProjectRequestSchema = z
  .object({
    serviceId: z.uuid(),
    title,
    periodStart: calendarDateSchema,
    periodEnd: calendarDateSchema,
    diagnosis,
    priorities,
  })
  .strict();

export type DraftServiceProjectRequest = z.infer<typeof draftServiceProjectRequestSchema>;

/** Body of `POST /api/v1/service-projects/{id}/cmt-adoption`. */
export const adoptServiceProjectRequestSchema = z
  .object({
    adoptedOn: calendarDateSchema,
    /** What the CMT recorded with its adoption (minutes, remarks). */
    text: z.string().trim().min(1).max(20_000).optional(),
  })
  .strict();

export type AdoptServiceProjectRequest = z.infer<typeof adoptServiceProjectRequestSchema>;

/** Body of `POST /api/v1/service-projects/{id}/board-approval`. */
export const approveServiceProjectRequestSchema = z.object({ approvedOn: calendarDateSchema }).strict();

export type ApproveServiceProjectRequest = z.infer<typeof approveServiceProjectRequestSchema>;

/** Body of `POST /api/v1/service-projects/{id}/revisions`: the date, the reason and what changes. */
export const reviseServiceProjectRequestSchema = z
  .object({
    revisedOn: calendarDateSchema,
    reason: z.string().trim().min(1).max(2_000),
    title: title.optional(),
    diagnosis: diagnosis.optional(),
    priorities: priorities.optional(),
    periodEnd: calendarDateSchema.optional(),
  })
  .strict();

export type ReviseServiceProjectRequest = z.infer<typeof reviseServiceProjectRequestSchema>;

/** Body of `POST /api/v1/service-projects/{id}/withdrawal`: the date and why the pending text is withdrawn. */
export const withdrawServiceProjectRequestSchema = z
  .object({
    withdrawnOn: calendarDateSchema,
    reason: z.string().trim().min(1).max(2_000),
  })
  .strict();

export type WithdrawServiceProjectRequest = z.infer<typeof withdrawServiceProjectRequestSchema>;
