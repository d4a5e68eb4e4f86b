import type { threadFr } from "./thread.fr";

export const threadEn: Record<keyof typeof threadFr, string> = {
};
