export const notifyFr = {
} as const;
