import { calendarDateSchema, partnershipThemes, regionCodeSchema } from '@tripartite/events';
import { recordedListQuerySchema } from '@tripartite/http';
import { z } from 'zod';
import { protocolStatuses } from '../../domain/partnership-protocol.types';

/**
 * Body of `POST /api/v1/partnership-protocols`. The shape is checked here (400); the rules (an SSTI and its
 * competent Caisse, dates in order, a theme named once) are the domain's (422).
 */
export const openPartnershipProtocolRequestSchema = z
  .object({
    serviceId: z.uuid(),
    caisseId: z.uuid(),
    title: z.string().trim().min(1).max(200),
    themes: z
      .array(z.enum(partnershipThemes))
      .min(1)
      .max(partnershipThemes.length)
      .describe('where the two networks complement each other (seed 000)'),
    openedOn: calendarDateSchema.describe('the day the negotiation opened'),
  })
  .strict();

export type OpenPartnershipProtocolRequest = z.infer<typeof openPartnershipProtocolRequestSchema>;

/** Body of `POST /api/v1/partnership-protocols/{id}/conclusion`. */
export const concludePartnershipProtocolRequestSchema = z
  .object({
    concludedOn: calendarDateSchema,
    startsOn: calendarDateSchema,
    endsOn: calendarDateSchema.nullable().describe('its term; null when concluded without one'),
  })
  .strict();

export type ConcludePartnershipProtocolRequest = z.infer<typeof concludePartnershipProtocolRequestSchema>;

/** Body of `POST /api/v1/partnership-protocols/{id}/progress-points`. */
export const recordProtocolProgressRequestSchema = z
  .object({
    recordedOn: calendarDateSchema,
    summary: z.string().trim().min(1).max(10_000).describe('what the actions achieved so far'),
  })
  .strict();

export type RecordProtocolProgressRequest = z.infer<typeof recordProtocolProgressRequestSchema>;

/** Body of `POST /api/v1/partnership-protocols/{id}/end`. */
export const endPartnershipProtocolRequestSchema = z
  .object({
    endedOn: calendarDateSchema,
    reason: z.string().trim().min(1).max(2_000),
  })
  .strict();

export type EndPartnershipProtocolRequest = z.infer<typeof endPartnershipProtocolRequestSchema>;

/** Query of `GET /api/v1/partnership-protocols`: `from`/`to` is when they were opened on the platform. */
export const listPartnershipProtocolsQuerySchema = recordedListQuerySchema({
  region: regionCodeSchema.optional().describe('One of the regions its service covers'),
  serviceId: z.uuid().optional(),
  caisseId: z.uuid().optional(),
  status: z.enum(protocolStatuses).optional(),
  theme: z.enum(partnershipThemes).optional(),
});

export type ListPartnershipProtocolsQuery = z.infer<typeof listPartnershipProtocolsQuerySchema>;
