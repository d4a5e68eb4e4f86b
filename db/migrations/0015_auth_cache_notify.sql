-- Each instance keeps who a session or a token names for a few seconds (app/modules/accounts/auth-cache.server.ts).
-- A committed change to a person, a session or a token tells every instance to forget that person at once.
CREATE OR REPLACE FUNCTION notify_auth_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The trigger's argument names the column that holds the person's id.
  PERFORM pg_notify('dc_auth', to_jsonb(OLD) ->> TG_ARGV[0]);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER users_auth_change AFTER UPDATE OR DELETE ON "users" FOR EACH ROW EXECUTE FUNCTION notify_auth_change('id');--> statement-breakpoint
CREATE TRIGGER sessions_auth_change AFTER UPDATE OR DELETE ON "sessions" FOR EACH ROW EXECUTE FUNCTION notify_auth_change('user_id');--> statement-breakpoint
CREATE TRIGGER api_tokens_auth_change AFTER UPDATE OR DELETE ON "api_tokens" FOR EACH ROW EXECUTE FUNCTION notify_auth_change('user_id');
