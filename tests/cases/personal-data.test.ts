import { describe, expect, it } from "vitest";
import { scanText, type FindingKind } from "../../app/modules/cases/personal-data";

const kinds = (text: string) => scanText("situation", text).findings.map((f) => f.kind);
const warns = (text: string) => scanText("situation", text).warnings.map((f) => f.kind);

const identifying: [string, FindingKind][] = [
  // e-mail
  ["Elle m’a écrit depuis prenom.nom@gmail.com hier.", "email"],
  ["Contact: j.smith+bootcamp@school.co.uk", "email"],
  // phones
  ["Son numéro : 06 12 34 56 78.", "phone"],
  ["Appelez le 06.12.34.56.78 si besoin", "phone"],
  ["Call him on +33 6 12 34 56 78", "phone"],
  ["Su móvil es 612 345 678", "phone"],
  ["Llamar al +34 612 34 56 78", "phone"],
  ["GSM: 0470 12 34 56", "phone"],
  ["Telefonul ei este 0721 234 567", "phone"],
  ["Bel naar +32 470 12 34 56", "phone"],
  ["Număr: +40 721 234 567", "phone"],
  // full names
  ["Marie Dupont ne venait plus.", "full-name"],
  ["I talked with John Smith after class.", "full-name"],
  ["María García dejó de venir.", "full-name"],
  ["Andrei Ionescu a lipsit o săptămână.", "full-name"],
  ["Pieter Janssens kwam niet meer.", "full-name"],
  ["J’ai reçu Mme Bernard le lundi.", "full-name"],
  ["Hablé con la Sra. Martínez.", "full-name"],
  ["Am vorbit cu Dna Popa.", "full-name"],
  ["Mr Thompson complained.", "full-name"],
  // addresses
  ["Il habite au 12 rue des Lilas.", "address"],
  ["Vive en Calle Mayor 15, en el centro.", "address"],
  ["Locuiește pe Strada Florilor 7.", "address"],
  ["Ze woont in de Kerkstraat 21.", "address"],
  ["He lives at 221 Baker Street.", "address"],
  ["rendez-vous au 5 avenue Victor Hugo", "address"],
  // companies next to a learner
  ["Son stage chez Dupont Logistique se passe mal.", "company"],
  ["Her internship at Contoso went badly.", "company"],
  ["Hace prácticas en Telefónica desde marzo.", "company"],
  ["Face stagiu la Bitdefender.", "company"],
  ["Hij loopt stage bij Proximus.", "company"],
  ["Il a été embauché par Acme SAS.", "company"],
  ["They hired him at Globex Ltd.", "company"],
];

describe("personal-data findings", () => {
  for (const [text, kind] of identifying) {
    it(`finds ${kind} in “${text}”`, () => {
      expect(kinds(text)).toContain(kind);
    });
  }

  const clean = [
    "Un apprenant en reconversion ne vient plus depuis une semaine.",
    "En semaine 6, le groupe de 14 a rendu le projet le 12/03/2025.",
    "Nous avons utilisé JavaScript, React et Node pendant 120 heures.",
    "The group of 16 learners finished the final project in 2024.",
    "El grupo trabajó con Git y GitHub durante 3 semanas.",
    "Grupul a lucrat cu Python și SQL.",
    "De groep werkte met Docker en Kubernetes.",
    "Le score moyen est passé de 12,5 à 15,75 sur 20.",
    "Budget : 1 250 000 euros pour le programme.",
    "Le Projet Final a été présenté au jury.",
    "Stage chez un employeur local, trouvé par le centre.",
    "Internship at a small local agency.",
    "Prácticas en una empresa del barrio.",
    "Voir https://developer.mozilla.org/fr/docs/Web pour la doc.",
    "Marie Claire a été publiée.",
    "Rendez-vous en salle 3, au 2e étage.",
  ];
  for (const text of clean) {
    it(`finds nothing identifying in “${text}”`, () => {
      expect(kinds(text)).toEqual([]);
    });
  }

  it("reports the field and the matched text", () => {
    const [finding] = scanText("outcome", "Écrire à a.b@example.org").findings;
    expect(finding).toEqual({ field: "outcome", kind: "email", match: "a.b@example.org" });
  });
});

describe("sensitive categories are warnings only", () => {
  const cases: [string, FindingKind][] = [
    ["Un apprenant dyslexique", "disability"],
    ["A learner with ADHD", "disability"],
    ["Una alumna con dislexia", "disability"],
    ["Un cursant cu dizabilități", "disability"],
    ["Een cursist met een beperking", "disability"],
    ["Elle est en dépression depuis l’hiver", "health"],
    ["She was in hospital for a week", "health"],
    ["Estaba embarazada", "health"],
    ["Era bolnavă", "health"],
    ["Hij was ziek", "health"],
    ["Pendant le ramadan, les horaires ont changé", "religion"],
    ["A Muslim learner asked for a prayer room", "religion"],
    ["Una alumna musulmana", "religion"],
    ["Un cursant ortodox", "religion"],
    ["Een moslim cursist", "religion"],
  ];
  for (const [text, kind] of cases) {
    it(`warns about ${kind} in “${text}” without a finding`, () => {
      expect(warns(text)).toContain(kind);
      expect(kinds(text)).toEqual([]);
    });
  }
});
