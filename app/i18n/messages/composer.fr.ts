export const composerFr = {
} as const;
