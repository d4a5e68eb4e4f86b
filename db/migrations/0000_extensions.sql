-- Loaded by the embedded PGlite constructor too (db/client.ts); search (accent-blind) needs both.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
