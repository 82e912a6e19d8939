import type { ClockStatus } from '@tripartite/clock';
import { z } from 'zod';

/** Platform time as the answering service sees it (the same in every process, outside production). */
export const clockResponseSchema = z.object({
  now: z.iso.datetime().describe('Platform time'),
  offsetMs: z.number().int().describe('How far platform time is ahead of wall-clock time, in milliseconds'),
  adjustable: z.boolean().describe('False in production, where time cannot be moved'),
});

export type ClockResponseDto = z.infer<typeof clockResponseSchema>;

export function toClockResponse(status: ClockStatus): ClockResponseDto {
  return { now: status.now.toISOString(), offsetMs: status.offsetMs, adjustable: status.adjustable };
}
