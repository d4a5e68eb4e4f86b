-- The library's facet counts read these few columns of every published case: an index-only scan over this narrow
-- index instead of the wide rows (drizzle's index builder has no INCLUDE).
CREATE INDEX "cases_facets_idx" ON "cases" USING btree ("language") INCLUDE ("centre_country", "has_follow_up", "tag_slugs", "topic_id") WHERE "status" = 'published';--> statement-breakpoint
-- Topics that are not visible are few: the lists exclude them through this small index instead of a join.
CREATE INDEX "topics_not_visible_idx" ON "topics" USING btree ("id") WHERE "visibility" <> 'visible';
