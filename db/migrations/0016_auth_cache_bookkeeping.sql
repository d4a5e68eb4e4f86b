-- Recording when a session or a token was last used changes nothing about who it names: such updates no longer tell
-- every instance to forget the person (an active session records its use every five minutes).
DROP TRIGGER IF EXISTS sessions_auth_change ON "sessions";--> statement-breakpoint
DROP TRIGGER IF EXISTS api_tokens_auth_change ON "api_tokens";--> statement-breakpoint
CREATE TRIGGER sessions_auth_change AFTER DELETE ON "sessions" FOR EACH ROW EXECUTE FUNCTION notify_auth_change('user_id');--> statement-breakpoint
CREATE TRIGGER sessions_auth_update AFTER UPDATE ON "sessions" FOR EACH ROW
  WHEN ((to_jsonb(OLD) - 'last_seen_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_seen_at'))
  EXECUTE FUNCTION notify_auth_change('user_id');--> statement-breakpoint
CREATE TRIGGER api_tokens_auth_change AFTER DELETE ON "api_tokens" FOR EACH ROW EXECUTE FUNCTION notify_auth_change('user_id');--> statement-breakpoint
CREATE TRIGGER api_tokens_auth_update AFTER UPDATE ON "api_tokens" FOR EACH ROW
  WHEN ((to_jsonb(OLD) - 'last_used_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_used_at'))
  EXECUTE FUNCTION notify_auth_change('user_id');
