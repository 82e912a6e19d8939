import { z } from 'zod';

/** A calendar date (`2027-03-15`), read in the Europe/Paris zone: the law counts days, not instants. */
export const calendarDateSchema = z.iso.date();
