import { z } from 'zod';
import { pageQueryFields } from './page';
import { periodOf, periodQueryFields, periodRule } from './period';

/**
 * The query of a list: its filters (each named after the field it matches: `status`, `region`,
 * `serviceId`), then `page` and `pageSize`. Unknown parameters are refused (400), so a misspelt filter
 * never passes for an empty one.
 */
export function listQuerySchema<F extends z.ZodRawShape>(filters: F) {
  return z.object({ ...filters, ...pageQueryFields }).strict();
}

/**
 * The query of a list of recorded things: its filters, the period `from`/`to` when they were recorded,
 * paging. The handler reads the period as instants, `recorded` (`from` included, `to` excluded).
 */
export function recordedListQuerySchema<F extends z.ZodRawShape>(filters: F) {
  return z
    .object({ ...filters, ...periodQueryFields, ...pageQueryFields })
    .strict()
    .superRefine((query, context) => periodRule(query as PeriodQuery, context))
    .transform((query) => {
      const { from, to, ...rest } = query as typeof query & PeriodQuery;
      return { ...rest, recorded: periodOf({ from, to }) };
    });
}

type PeriodQuery = { from?: string; to?: string };
