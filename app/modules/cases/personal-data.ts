/**
 * Spots what looks like personal data of other people in a case before it is published. Pure (no I/O), so the form
 * can run it while typing and the server runs it again on write.
 *
 * Identifying findings (e-mail, phone, full name, street address, company next to a learner) block publishing unless the
 * author asks for a lead's review; sensitive categories (health, disability, religion) are warnings only.
 */

export const identifyingKinds = ["email", "phone", "full-name", "address", "company"] as const;
export const warningKinds = ["health", "disability", "religion"] as const;
export type IdentifyingKind = (typeof identifyingKinds)[number];
export type WarningKind = (typeof warningKinds)[number];
export type FindingKind = IdentifyingKind | WarningKind;
export type Finding = { field: string; kind: FindingKind; match: string };

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/**
 * Phones: international (+33 6 12 34 56 78, 0033…, +40 721 234 567, +32 470 12 34 56), French (06 12 34 56 78,
 * 06.12.34.56.78), Spanish (612 345 678, 912 34 56 78), Belgian (0470 12 34 56, 02 123 45 67), Romanian (0721 234 567).
 * Years, dates, money and scores stay out: at least 9 digits, separators only spaces, dots, dashes.
 */
const PHONE_CANDIDATE = /(?<![\p{L}\p{N}/.,:-])(?:\+|00)?\d(?:[\d .\-()/]{7,18})\d(?![\p{L}\p{N}])/gu;

function looksLikePhone(raw: string): boolean {
  const digits = raw.replace(/\D/g, "");
  const international = /^(\+|00)/.test(raw.trim());
  if (international) return digits.length >= 10 && digits.length <= 15;
  if (digits.length < 9 || digits.length > 10) return false;
  if (/[/:]/.test(raw)) return false; // dates, times
  if (/^\d{1,2}[.-]\d{1,2}[.-]\d{2,4}$/.test(raw.trim())) return false;
  // national formats
  if (digits.length === 10 && /^0[1-9]/.test(digits)) return true; // FR 0X XX XX XX XX, BE mobile 04XX, RO 07XX XXX XXX
  if (digits.length === 9 && /^[6789]/.test(digits)) return /[ .-]/.test(raw) || raw.length === 9; // ES 6XX XXX XXX
  if (digits.length === 9 && /^0[1-9]/.test(digits)) return /[ .-]/.test(raw); // BE landline 02 123 45 67
  return false;
}

/** Common first names across the network's languages (lowercase, accents kept). */
const FIRST_NAMES = new Set(
  `
  marie jean pierre michel philippe alain nicolas christophe françois sophie nathalie isabelle catherine sylvie julien thomas
  camille léa manon chloé emma inès sarah julie laura lucas hugo louis théo nathan enzo mathis maxime antoine alexandre
  mohamed mehdi karim yassine rachid fatima aïcha amina nadia samir youssef bilal omar ibrahim moussa mamadou fatou aminata
  kevin jessica anthony david daniel paul marc luc claire anne céline aurélie émilie mélanie valérie sandrine stéphanie
  john james robert michael william richard joseph charles christopher matthew andrew joshua ryan mary patricia jennifer
  linda elizabeth barbara susan karen nancy lisa betty margaret sandra ashley kimberly donna michelle emily olivia
  jack harry george oliver charlie amelia isla ava jacob noah liam ethan mason logan
  josé antonio manuel francisco juan javier carlos jesús alejandro miguel rafael pedro pablo sergio fernando jorge luis
  alberto álvaro diego adrián raúl iván rubén óscar andrés ramón enrique vicente maría carmen ana laura isabel dolores
  pilar lucía cristina marta elena rosa paula raquel silvia sara patricia mercedes beatriz nuria irene alba andrea
  ion ioan gheorghe vasile constantin alexandru mihai andrei ștefan stefan florin adrian cristian marius dan bogdan
  elena ioana mihaela andreea cristina daniela gabriela alina irina oana roxana ramona simona diana
  jan piet kees wim johan dirk henk sander bram thijs lars daan sem jeroen bart koen wouter stijn pieter tom
  anna emma sanne lotte lieke femke eva fleur iris lisa anouk sofie an els griet lien joke
  `
    .split(/\s+/)
    .filter(Boolean),
);

const NAME_WORD = "\\p{Lu}[\\p{Ll}'’-]+";
const FULL_NAME = new RegExp(`(?<![\\p{L}])(\\p{Lu}[\\p{Ll}'’-]+)[ \\t]+((?:(?:de|del|de la|van|van der|von|le|la|da|di|el|al)[ \\t]+)?${NAME_WORD}(?:-${NAME_WORD})?)`, "gu");
const HONORIFIC = new RegExp(
  `(?<![\\p{L}])(?:M\\.|Mr\\.?|Mrs\\.?|Ms\\.?|Miss|Mme|Mlle|Monsieur|Madame|Sr\\.|Sra\\.|Srta\\.|Señor|Señora|Don|Doña|Dl\\.?|Dna\\.?|Dnul|Doamna|Dhr\\.?|Mevr\\.?|Meneer|Mevrouw)[ \\t]+${NAME_WORD}`,
  "gu",
);
/** Capitalised words that start sentences or name things, never a surname after a first name. */
const NOT_SURNAMES = new Set(
  "le la les un une des de du et en au aux il elle on nous vous ils elles the a an and of in on at to is was he she they we el los las y en un una es ha al del și în la pe cu de het een en van op is in"
    .split(" "),
);

const STREET_WORDS = [
  "rue", "avenue", "av\\.", "boulevard", "bd", "bld", "chemin", "impasse", "allée", "place", "quai", "route", "cours",
  "calle", "c/", "avenida", "avda\\.?", "paseo", "plaza", "carrer", "camino",
  "strada", "str\\.", "bulevardul", "bd\\.", "calea", "aleea", "șoseaua", "soseaua",
  "straat", "laan", "weg", "plein", "steenweg", "chaussée", "dreef",
  "street", "st\\.", "road", "rd\\.", "lane", "drive", "way",
];
const ADDRESS_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])\\d{1,4}(?:\\s?(?:bis|ter|[a-zA-Z]))?,?\\s+(?:${STREET_WORDS.join("|")})\\s+(?:(?:de|du|des|de la|del|de los|the|van|lui)\\s+)?[\\p{Lu}\\p{N}][\\p{L}'’-]+`, "giu");
const ADDRESS_AFTER = new RegExp(`(?<![\\p{L}])(?:[Cc]alle|[Cc]/|[Aa]venida|[Ss]trada|[Ss]tr\\.|[Cc]alea|[Bb]ulevardul|[Aa]leea)\\s+(?:(?:de|del|de la|lui)\\s+)?\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+)?,?\\s+(?:nr\\.?\\s*|n[ºo°]\\s*)?\\d{1,4}(?![\\p{N}])`, "gu");
const ADDRESS_DUTCH = new RegExp(`(?<![\\p{L}])\\p{Lu}[\\p{L}'’-]*(?:straat|laan|weg|plein|steenweg|dreef|gracht)\\s+\\d{1,4}(?![\\p{N}])`, "gu");
const ADDRESS_ENGLISH = new RegExp(`(?<![\\p{L}\\p{N}])\\d{1,5}\\s+\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+)?\\s+(?:Street|St\\.|Road|Rd\\.|Avenue|Ave\\.|Lane|Drive|Way)(?![\\p{L}])`, "gu");

const LEGAL_SUFFIX = "(?:SA|SARL|SAS|SASU|EURL|SL|SLU|S\\.L\\.|S\\.A\\.|GmbH|SRL|S\\.R\\.L\\.|BV|B\\.V\\.|NV|BVBA|SPRL|Ltd\\.?|Inc\\.?|LLC|PLC)";
const COMPANY_SUFFIX = new RegExp(`(?<![\\p{L}])(?:\\p{Lu}[\\p{L}\\p{N}&'’.-]*\\s+){1,3}${LEGAL_SUFFIX}(?![\\p{L}])`, "gu");
const COMPANY_CONTEXT = new RegExp(
  `(?<![\\p{L}])(?:stage|alternance|apprentissage|emploi|poste|embauché(?:e)?|travaille|CDI|CDD)\\s+(?:chez|à|dans l'entreprise|dans la société)\\s+(\\p{Lu}[\\p{L}\\p{N}&'’-]+(?:\\s+\\p{Lu}[\\p{L}\\p{N}&'’-]+)?)` +
    `|(?:internship|job|placement|apprenticeship|hired|works?|working)\\s+(?:at|with|for)\\s+(\\p{Lu}[\\p{L}\\p{N}&'’-]+(?:\\s+\\p{Lu}[\\p{L}\\p{N}&'’-]+)?)` +
    `|(?:prácticas|practicas|trabajo|contrato|trabaja|contratad[oa])\\s+(?:en|con|para)\\s+(\\p{Lu}[\\p{L}\\p{N}&'’-]+(?:\\s+\\p{Lu}[\\p{L}\\p{N}&'’-]+)?)` +
    `|(?:stagiu|practică|practica|angajat(?:ă)?|lucrează)\\s+(?:la|în cadrul)\\s+(\\p{Lu}[\\p{L}\\p{N}&'’-]+(?:\\s+\\p{Lu}[\\p{L}\\p{N}&'’-]+)?)` +
    `|(?:stage|werkt|job)\\s+(?:bij)\\s+(\\p{Lu}[\\p{L}\\p{N}&'’-]+(?:\\s+\\p{Lu}[\\p{L}\\p{N}&'’-]+)?)`,
  "giu",
);
/** Words after "stage chez" that are not a company (a lead's own wording: "stage chez un employeur"). */
const GENERIC_EMPLOYERS = new Set(
  "un une des le la les a an the this their his her our une un el la los las una un unos o un al bij een de het Simplon Factoria BeCode".toLowerCase().split(" "),
);

const SENSITIVE: Record<WarningKind, RegExp> = {
  health: new RegExp(
    "(?<![\\p{L}])(?:" +
      [
        // fr
        "maladie", "malade", "santé", "hospitalis\\p{L}*", "hôpital", "dépression", "dépressi\\p{L}*", "anxiété", "burn-?out", "cancer", "diabète", "enceinte", "grossesse", "traitement médical", "médicament\\p{L}*", "psychiatr\\p{L}*", "addiction", "suicid\\p{L}*",
        // en
        "illness", "ill", "sick", "health", "hospital\\p{L}*", "depression", "depressed", "anxiety", "diabetes", "pregnan\\p{L}*", "medication", "mental health", "therapy", "suicidal",
        // es
        "enfermedad", "enferm[oa]", "salud", "depresión", "ansiedad", "embarazad[oa]", "embarazo", "medicación", "hospital",
        // ro
        "boală", "boala", "bolnav\\p{L}*", "sănătate", "sanatate", "depresie", "anxietate", "spital", "sarcină", "însărcinată",
        // nl
        "ziekte", "ziek", "gezondheid", "depressie", "angst", "ziekenhuis", "zwanger\\p{L}*", "medicatie",
      ].join("|") +
      ")(?![\\p{L}])",
    "giu",
  ),
  disability: new RegExp(
    "(?<![\\p{L}])(?:" +
      [
        "handicap\\p{L}*", "dyslexi\\p{L}*", "dyspraxi\\p{L}*", "dyscalculi\\p{L}*", "TDAH", "autis\\p{L}*", "asperger", "malvoyant\\p{L}*", "sourd\\p{L}*", "RQTH", "MDPH",
        "disabilit\\p{L}*", "disabled", "ADHD", "deaf", "blind", "visually impaired", "wheelchair",
        "discapacidad", "discapacitad[oa]", "dislexia", "TDA", "sordo", "ciego", "silla de ruedas",
        "dizabilit\\p{L}*", "handicapat\\p{L}*", "dislexie",
        "beperking", "gehandicapt", "dyslexie", "doof", "blinde",
      ].join("|") +
      ")(?![\\p{L}])",
    "giu",
  ),
  religion: new RegExp(
    "(?<![\\p{L}])(?:" +
      [
        "religion", "religieu\\p{L}*", "musulman\\p{L}*", "chrétien\\p{L}*", "juif", "juive", "ramadan", "voile", "prière", "mosquée", "église",
        "religious", "muslim", "christian", "jewish", "hijab", "prayer", "mosque", "church",
        "religión", "religios[oa]", "musulmán", "musulmana", "cristian[oa]", "judí[oa]", "oración", "mezquita", "iglesia",
        "religie", "religios\\p{L}*", "ortodox\\p{L}*", "rugăciune", "moschee", "biserică",
        "moslim", "christelijk", "joods", "hoofddoek", "gebed", "moskee", "kerk",
      ].join("|") +
      ")(?![\\p{L}])",
    "giu",
  ),
};

function add(out: Finding[], seen: Set<string>, field: string, kind: FindingKind, match: string) {
  const clean = match.trim().replace(/[.,;:]+$/, "");
  const key = `${field}\u0000${kind}\u0000${clean.toLowerCase()}`;
  if (!clean || seen.has(key)) return;
  seen.add(key);
  out.push({ field, kind, match: clean });
}

/** Every identifying finding and every sensitive-category warning in one text. */
export function scanText(field: string, text: string): { findings: Finding[]; warnings: Finding[] } {
  const findings: Finding[] = [];
  const warnings: Finding[] = [];
  const seen = new Set<string>();
  if (!text) return { findings, warnings };
  // Links and code are not about people; an e-mail inside is still one.
  for (const m of text.matchAll(EMAIL)) add(findings, seen, field, "email", m[0]);
  const withoutEmails = text.replace(EMAIL, " ").replace(/https?:\/\/\S+/g, " ");
  for (const m of withoutEmails.matchAll(PHONE_CANDIDATE)) if (looksLikePhone(m[0])) add(findings, seen, field, "phone", m[0]);
  for (const m of withoutEmails.matchAll(HONORIFIC)) add(findings, seen, field, "full-name", m[0]);
  for (const m of withoutEmails.matchAll(FULL_NAME)) {
    const [first, last] = [m[1], m[2]];
    if (!FIRST_NAMES.has(first.toLowerCase())) continue;
    const lastWord = last.split(/\s+/).at(-1)!;
    if (NOT_SURNAMES.has(lastWord.toLowerCase())) continue;
    if (FIRST_NAMES.has(lastWord.toLowerCase()) && last.split(/\s+/).length === 1 && !/-/.test(last)) {
      // "Marie Claire" could be a compound first name; still a name, but not a surname: only flag it with a third word.
      continue;
    }
    add(findings, seen, field, "full-name", m[0]);
  }
  for (const re of [ADDRESS_BEFORE, ADDRESS_AFTER, ADDRESS_DUTCH, ADDRESS_ENGLISH]) {
    for (const m of withoutEmails.matchAll(re)) add(findings, seen, field, "address", m[0]);
  }
  for (const m of withoutEmails.matchAll(COMPANY_SUFFIX)) add(findings, seen, field, "company", m[0]);
  for (const m of withoutEmails.matchAll(COMPANY_CONTEXT)) {
    const company = m.slice(1).find(Boolean);
    if (!company) continue;
    const firstWord = company.split(/\s+/)[0].toLowerCase();
    if (GENERIC_EMPLOYERS.has(firstWord)) continue;
    add(findings, seen, field, "company", m[0]);
  }
  for (const kind of warningKinds) for (const m of text.matchAll(SENSITIVE[kind])) add(warnings, seen, field, kind, m[0]);
  return { findings, warnings };
}

/** Scans each field of a case (title, context notes and the markdown sections). */
export function scanCase(fields: Record<string, string | undefined | null>): { findings: Finding[]; warnings: Finding[] } {
  const findings: Finding[] = [];
  const warnings: Finding[] = [];
  for (const [field, text] of Object.entries(fields)) {
    if (!text) continue;
    const result = scanText(field, text);
    findings.push(...result.findings);
    warnings.push(...result.warnings);
  }
  return { findings, warnings };
}

/** Finding message keys in the catalogue (`cases.finding.<kind>`, param `match`). */
export const findingKey = (kind: FindingKind) => `cases.finding.${kind}` as const;
