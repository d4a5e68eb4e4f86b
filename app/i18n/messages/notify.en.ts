import type { notifyFr } from "./notify.fr";

export const notifyEn: Record<keyof typeof notifyFr, string> = {
};
