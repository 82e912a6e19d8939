import { isIsoDuration } from '@tripartite/calendar';
import { z } from 'zod';

const listOf = (text: string): string[] =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * A variable holding the offsets of a deadline's reminders: a comma-separated list of ISO 8601 durations before
 * it, e.g. `P6M,P3M,P1M,P7D`. The one way every service configures its reminders.
 */
export const isoDurationsVar = (defaults: string) =>
  z
    .string()
    .default(defaults)
    .transform(listOf)
    .refine((offsets) => offsets.every(isIsoDuration), {
      message: 'must be a comma-separated list of ISO 8601 durations such as P6M,P3M,P1M,P7D',
    });

/** A variable holding one ISO 8601 duration, e.g. `P15D` after a due date. */
export const isoDurationVar = (defaults: string) =>
  z
    .string()
    .default(defaults)
    .refine(isIsoDuration, { message: 'must be an ISO 8601 duration such as P15D' });

/**
 * Reminder offsets counted in days (`P14D,P3D,P0D`; `P0D`: on the day), answered as whole days, largest first,
 * for deadlines whose messages say "dans N jours".
 */
export const isoDaysVar = (defaults: string) =>
  z
    .string()
    .default(defaults)
    .transform(listOf)
    .refine((offsets) => offsets.every((offset) => /^P\d{1,3}D$/.test(offset)), {
      message: 'must be a comma-separated list of ISO 8601 durations in days such as P14D,P3D,P0D',
    })
    .transform((offsets) =>
      [...new Set(offsets.map((offset) => Number(offset.slice(1, -1))))].sort((a, b) => b - a),
    );
