import postgres from "postgres";

/** The bench database (the same rows the app reads), through postgres.js with raw SQL. */
export const sql = postgres(process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/dc_bench_s1", { max: 10, onnotice: () => {} });
