import { registerCatalogues } from "./index";
import { en } from "./messages/en";
import { fr } from "./messages/fr";

/** The server speaks every language; imported once at start-up by each server module graph. */
registerCatalogues({ fr, en });
