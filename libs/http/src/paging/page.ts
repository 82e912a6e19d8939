import { z } from 'zod';

/** The most items one page holds, on every list of the platform; larger pages are refused (400). */
export const MAX_PAGE_SIZE = 200;
/** The page size when the client names none. */
export const DEFAULT_PAGE_SIZE = 50;

/** `page` and `pageSize` of every list's query (`listQuerySchema` and `recordedListQuerySchema` add them). */
export const pageQueryFields = {
  page: z.coerce.number().int().min(1).default(1).describe('Page number, from 1'),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE)
    .describe(`Items per page, at most ${MAX_PAGE_SIZE}`),
};

/** One page of a list, as every list answers it: the items, where they stand, and how many there are. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  /** Items matching the filters, across all pages. */
  total: number;
}

/** The schema of a page of `item`s (`{ items, page, pageSize, total }`), for the response's documentation. */
export function pageSchemaOf<T extends z.ZodType>(item: T, order?: string) {
  const items = z.array(item);
  return z.object({
    items: order ? items.describe(order) : items,
    page: z.number().int().describe('This page’s number, from 1'),
    pageSize: z.number().int().describe('Items per page asked for'),
    total: z.number().int().describe('Items matching the filters, across all pages'),
  });
}

/** The page answered for `request`: the items read with `offsetOf(request)` and the count of all of them. */
export function pageOf<T>(request: { page: number; pageSize: number }, items: T[], total: number): Page<T> {
  return { items, page: request.page, pageSize: request.pageSize, total };
}

/** How many items the pages before `request` hold: the SQL `OFFSET`. */
export function offsetOf(request: { page: number; pageSize: number }): number {
  return (request.page - 1) * request.pageSize;
}
