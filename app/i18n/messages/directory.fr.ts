export const directoryFr = {
} as const;
