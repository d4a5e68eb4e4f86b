-- Every word of every search_plain, so that search can turn a prefix ('group':*) into the words that start with it
-- ('group' | 'groupe'), which the GIN indexes find much faster (app/modules/discussions/search.server.ts,
-- exactMatchQuery). Only ever added to: a word no document has any more costs one empty lookup.
CREATE TABLE "search_words" (
	"word" text COLLATE "C" PRIMARY KEY NOT NULL
);
--> statement-breakpoint
INSERT INTO "search_words" ("word")
SELECT DISTINCT w FROM (
  SELECT unnest(tsvector_to_array(search_plain)) FROM topics
  UNION ALL SELECT unnest(tsvector_to_array(search_plain)) FROM posts
  UNION ALL SELECT unnest(tsvector_to_array(search_plain)) FROM cases
) x(w)
ORDER BY w;--> statement-breakpoint
-- New documents, a statement at a time (the bench seeds thousands per statement). Words are inserted in order, so
-- that two transactions adding the same new words wait for each other rather than deadlock.
CREATE FUNCTION dc_search_words_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_words (word)
    SELECT DISTINCT w FROM added, unnest(tsvector_to_array(added.search_plain)) w ORDER BY w
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;--> statement-breakpoint
-- An edited text, a row at a time (only when the text changed: counters are updated far more often).
CREATE FUNCTION dc_search_words_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_words (word)
    SELECT w FROM unnest(tsvector_to_array(NEW.search_plain)) w ORDER BY w
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER topics_search_words_inserted AFTER INSERT ON topics REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION dc_search_words_inserted();--> statement-breakpoint
CREATE TRIGGER posts_search_words_inserted AFTER INSERT ON posts REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION dc_search_words_inserted();--> statement-breakpoint
CREATE TRIGGER cases_search_words_inserted AFTER INSERT ON cases REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION dc_search_words_inserted();--> statement-breakpoint
CREATE TRIGGER topics_search_words_updated AFTER UPDATE OF title, body_text ON topics FOR EACH ROW
  WHEN (OLD.search_plain IS DISTINCT FROM NEW.search_plain) EXECUTE FUNCTION dc_search_words_updated();--> statement-breakpoint
CREATE TRIGGER posts_search_words_updated AFTER UPDATE OF body_text ON posts FOR EACH ROW
  WHEN (OLD.search_plain IS DISTINCT FROM NEW.search_plain) EXECUTE FUNCTION dc_search_words_updated();--> statement-breakpoint
CREATE TRIGGER cases_search_words_updated AFTER UPDATE OF title, body_text ON cases FOR EACH ROW
  WHEN (OLD.search_plain IS DISTINCT FROM NEW.search_plain) EXECUTE FUNCTION dc_search_words_updated();
