-- Accent-blind text search per content language (ecole finds école), and an unstemmed one for prefix matches.
CREATE TEXT SEARCH CONFIGURATION dc_french (COPY = french);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION dc_french ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION dc_english (COPY = english);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION dc_english ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION dc_spanish (COPY = spanish);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION dc_spanish ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION dc_romanian (COPY = romanian);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION dc_romanian ALTER MAPPING FOR hword, hword_part, word WITH unaccent, romanian_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION dc_dutch (COPY = dutch);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION dc_dutch ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION dc_simple (COPY = simple);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION dc_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;--> statement-breakpoint
CREATE FUNCTION dc_ts_config(lang text) RETURNS regconfig LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (CASE lang
    WHEN 'fr' THEN 'dc_french'
    WHEN 'en' THEN 'dc_english'
    WHEN 'es' THEN 'dc_spanish'
    WHEN 'ro' THEN 'dc_romanian'
    WHEN 'nl' THEN 'dc_dutch'
    ELSE 'dc_simple' END)::regconfig
$$;
