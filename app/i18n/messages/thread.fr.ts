export const threadFr = {
} as const;
