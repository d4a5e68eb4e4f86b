-- New documents wait in a GIN index's pending list until a vacuum (or the list's limit, 4 MB by default) merges them,
-- and every search reads the whole list: 10,000 fresh topics made a search for a missing word read 95 pages.
-- A small limit merges often, so that a search never reads more than 256 kB of pending entries.
ALTER INDEX "topics_search_idx" SET (gin_pending_list_limit = 256);--> statement-breakpoint
ALTER INDEX "topics_search_plain_idx" SET (gin_pending_list_limit = 256);--> statement-breakpoint
ALTER INDEX "posts_search_idx" SET (gin_pending_list_limit = 256);--> statement-breakpoint
ALTER INDEX "posts_search_plain_idx" SET (gin_pending_list_limit = 256);--> statement-breakpoint
ALTER INDEX "cases_search_idx" SET (gin_pending_list_limit = 256);--> statement-breakpoint
ALTER INDEX "cases_search_plain_idx" SET (gin_pending_list_limit = 256);
