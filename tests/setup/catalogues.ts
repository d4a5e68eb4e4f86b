// Tests translate on the server side: both languages, as the server registers them.
import "../../app/i18n/all-catalogues";
