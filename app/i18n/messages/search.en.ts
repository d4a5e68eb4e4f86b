import type { searchFr } from "./search.fr";

export const searchEn: Record<keyof typeof searchFr, string> = {
};
