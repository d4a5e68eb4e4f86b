-- The library's filters and sort keys in one narrow index, so that a page of cases matching few filters is found by
-- an index-only scan instead of reading the wide rows (drizzle's index builder has no INCLUDE).
DROP INDEX IF EXISTS "cases_facets_idx";--> statement-breakpoint
CREATE INDEX "cases_facets_idx" ON "cases" USING btree ("language") INCLUDE ("centre_country", "has_follow_up", "tag_slugs", "topic_id", "id", "published_at", "helpful_count", "reply_count") WHERE "status" = 'published';
