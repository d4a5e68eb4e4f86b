import type { composerFr } from "./composer.fr";

export const composerEn: Record<keyof typeof composerFr, string> = {
};
