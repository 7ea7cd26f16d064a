import { z } from 'zod';

export const MAX_PAGE_SIZE = 100;

export const pageSchema = z.object({
  pageNo: z.number().int().min(0, 'page_no starts at 0').default(0),
  pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE, `page_size must be at most ${MAX_PAGE_SIZE}`).default(20),
});
export type PageInput = z.input<typeof pageSchema>;
export type Page = z.output<typeof pageSchema>;

export interface PageResult<T> {
  items: T[];
  /** Rows matching the filter, over all pages. */
  total: number;
  pageNo: number;
  pageSize: number;
}

/** Escapes LIKE wildcards so a name filter matches literally. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
