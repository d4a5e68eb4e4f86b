import type { directoryFr } from "./directory.fr";

export const directoryEn: Record<keyof typeof directoryFr, string> = {
};
