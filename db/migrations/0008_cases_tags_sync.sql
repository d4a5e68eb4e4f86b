-- cases.tag_slugs mirrors case_tags (the facets read the array; the join table keeps foreign keys so the taxonomy's
-- rename (ON UPDATE CASCADE) and merge reach cases too).
CREATE FUNCTION dc_case_tags_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE cases SET tag_slugs = coalesce((SELECT array_agg(tag_slug ORDER BY tag_slug) FROM case_tags WHERE case_id = NEW.case_id), '{}')
      WHERE id = NEW.case_id;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE cases SET tag_slugs = coalesce((SELECT array_agg(tag_slug ORDER BY tag_slug) FROM case_tags WHERE case_id = OLD.case_id), '{}')
      WHERE id = OLD.case_id;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER case_tags_sync AFTER INSERT OR UPDATE OR DELETE ON case_tags FOR EACH ROW EXECUTE FUNCTION dc_case_tags_sync();--> statement-breakpoint
-- Every case's discussion lives in this category (its topics have kind 'case' and stay out of the discussion lists).
INSERT INTO categories (id, position, name_fr, name_en, description_fr, description_en)
VALUES ('case-studies', 100, 'Études de cas', 'Case studies', 'Les discussions des études de cas.', 'The discussions of the case studies.')
ON CONFLICT (id) DO NOTHING;
