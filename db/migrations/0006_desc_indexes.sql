DROP INDEX "notifications_user_idx";--> statement-breakpoint
DROP INDEX "posts_author_idx";--> statement-breakpoint
DROP INDEX "posts_language_idx";--> statement-breakpoint
DROP INDEX "topics_active_idx";--> statement-breakpoint
DROP INDEX "topics_latest_idx";--> statement-breakpoint
DROP INDEX "topics_category_active_idx";--> statement-breakpoint
DROP INDEX "topics_unanswered_idx";--> statement-breakpoint
DROP INDEX "moderation_actions_target_idx";--> statement-breakpoint
DROP INDEX "moderation_actions_created_idx";--> statement-breakpoint
CREATE INDEX "topics_category_latest_idx" ON "topics" USING btree ("category_id","pinned" DESC NULLS FIRST,"created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "posts_author_idx" ON "posts" USING btree ("author_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "posts_language_idx" ON "posts" USING btree ("language","id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "topics_active_idx" ON "topics" USING btree ("last_posted_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "topics_latest_idx" ON "topics" USING btree ("created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "topics_category_active_idx" ON "topics" USING btree ("category_id","pinned" DESC NULLS FIRST,"last_posted_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "topics_unanswered_idx" ON "topics" USING btree ("created_at" DESC NULLS FIRST) WHERE "topics"."reply_count" = 0;--> statement-breakpoint
CREATE INDEX "moderation_actions_target_idx" ON "moderation_actions" USING btree ("target_type","target_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "moderation_actions_created_idx" ON "moderation_actions" USING btree ("created_at" DESC NULLS FIRST);