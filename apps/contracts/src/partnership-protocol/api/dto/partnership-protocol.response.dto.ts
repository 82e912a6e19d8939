import { partnershipThemes } from '@tripartite/events';
import { z } from 'zod';
import type { PartnershipProtocol } from '../../domain/partnership-protocol';
import { protocolStatuses } from '../../domain/partnership-protocol.types';

const date = z.string().describe('calendar date, YYYY-MM-DD (Europe/Paris)');

export const partnershipProtocolResponseSchema = z.object({
  id: z.uuid(),
  serviceId: z.uuid(),
  caisseId: z.uuid(),
  direccteId: z.uuid().describe('the DIRECCTE of the service’s region, told of every step (seed 000)'),
  regions: z.array(z.string()),
  title: z.string(),
  themes: z.array(z.enum(partnershipThemes)),
  status: z.enum(protocolStatuses),
  openedOn: date,
  concludedOn: date.nullable(),
  startsOn: date.nullable(),
  endsOn: date.nullable(),
  endedOn: date.nullable(),
  endReason: z.string().nullable(),
  progressPoints: z.array(z.object({ number: z.number().int(), recordedOn: date, summary: z.string() })),
  version: z.number().int().describe('the ETag: send it back in If-Match to take the next step'),
});

export type PartnershipProtocolResponse = z.infer<typeof partnershipProtocolResponseSchema>;

export function toPartnershipProtocolResponse(protocol: PartnershipProtocol): PartnershipProtocolResponse {
  return { id: protocol.id, ...protocol.snapshot(), version: protocol.version };
}
