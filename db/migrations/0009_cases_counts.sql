-- A case's denormalised counts follow its discussion whatever writes it: reply_count mirrors the topic's, and
-- helpful_count = the replies its author marked as helped + the "helpful" reactions on its visible replies.
CREATE FUNCTION dc_case_refresh_helpful(case_topic bigint) RETURNS void LANGUAGE sql AS $$
  UPDATE cases c SET helpful_count =
    (SELECT count(*) FROM case_helped h WHERE h.case_id = c.id)
    + coalesce((SELECT sum(p.helpful_count) FROM posts p WHERE p.topic_id = c.topic_id AND p.visibility = 'visible'), 0)
  WHERE c.topic_id = case_topic
$$;--> statement-breakpoint
CREATE FUNCTION dc_case_posts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dc_case_refresh_helpful(NEW.topic_id);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER case_posts_helpful AFTER UPDATE OF helpful_count, visibility ON posts FOR EACH ROW
  WHEN (OLD.helpful_count IS DISTINCT FROM NEW.helpful_count OR OLD.visibility IS DISTINCT FROM NEW.visibility)
  EXECUTE FUNCTION dc_case_posts_changed();--> statement-breakpoint
CREATE FUNCTION dc_case_helped_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM dc_case_refresh_helpful((SELECT topic_id FROM cases WHERE id = NEW.case_id));
  ELSE
    PERFORM dc_case_refresh_helpful((SELECT topic_id FROM cases WHERE id = OLD.case_id));
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER case_helped_count AFTER INSERT OR DELETE ON case_helped FOR EACH ROW EXECUTE FUNCTION dc_case_helped_changed();--> statement-breakpoint
CREATE FUNCTION dc_case_topic_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cases SET reply_count = NEW.reply_count WHERE topic_id = NEW.id;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER case_topic_replies AFTER UPDATE OF reply_count ON topics FOR EACH ROW
  WHEN (NEW.kind = 'case' AND OLD.reply_count IS DISTINCT FROM NEW.reply_count)
  EXECUTE FUNCTION dc_case_topic_changed();
