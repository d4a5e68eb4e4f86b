export const settingsFr = {
} as const;
