/** The network's discussion categories and the tag taxonomy shared with case studies. */
export const demoCategories = [
  { id: "classroom-situations", position: 1, nameFr: "Situations de classe", nameEn: "Classroom situations", descriptionFr: "Ce qui se passe en formation : tensions, imprévus, moments difficiles, et ce qui a aidé.", descriptionEn: "What happens in training: tensions, surprises, hard moments, and what helped." },
  { id: "pedagogy", position: 2, nameFr: "Pédagogie", nameEn: "Pedagogy", descriptionFr: "Pédagogie active, projets, évaluation, rythme : partager ses pratiques.", descriptionEn: "Active learning, projects, assessment, pacing: share your practices." },
  { id: "tech-and-tools", position: 3, nameFr: "Technique et outils", nameEn: "Tech and tools", descriptionFr: "Enseigner git, le web, la data ; les outils de la salle de formation.", descriptionEn: "Teaching git, the web, data; the tools of the training room." },
  { id: "inclusion-support", position: 4, nameFr: "Inclusion et accompagnement", nameEn: "Inclusion and learner support", descriptionFr: "Accompagner chaque apprenant·e : handicap, langue, précarité, confiance.", descriptionEn: "Supporting every learner: disability, language, hardship, confidence." },
  { id: "recruiting-onboarding", position: 5, nameFr: "Recrutement et intégration des formateurs", nameEn: "Recruiting and onboarding trainers", descriptionFr: "Devenir formateur·rice, accueillir un·e nouveau·elle collègue, se former.", descriptionEn: "Becoming a trainer, welcoming a new colleague, growing as a trainer." },
  { id: "mobility-questions", position: 6, nameFr: "Questions de mobilité", nameEn: "Mobility questions", descriptionFr: "Partir enseigner dans un autre centre du réseau : organisation, accueil, retours.", descriptionEn: "Teaching at another centre of the network: logistics, hosting, feedback." },
  { id: "network-life", position: 7, nameFr: "Vie du réseau", nameEn: "Network life", descriptionFr: "Annonces, événements et échanges entre les centres.", descriptionEn: "Announcements, events and exchanges between centres." },
];

type Labels = { fr: string; en: string; es?: string; ro?: string; nl?: string };
const t = (slug: string, group: string, labels: Labels) => ({ slug, group, labels });

export const demoTags = [
  t("dropout-risk", "situation", { fr: "Risque de décrochage", en: "Dropout risk", es: "Riesgo de abandono", ro: "Risc de abandon", nl: "Uitvalrisico" }),
  t("group-conflict", "situation", { fr: "Conflit dans le groupe", en: "Group conflict", es: "Conflicto en el grupo", ro: "Conflict în grup", nl: "Groepsconflict" }),
  t("harassment", "situation", { fr: "Harcèlement", en: "Harassment", es: "Acoso", ro: "Hărțuire", nl: "Intimidatie" }),
  t("disruptive-behaviour", "situation", { fr: "Comportement perturbateur", en: "Disruptive behaviour", es: "Comportamiento disruptivo", ro: "Comportament perturbator", nl: "Storend gedrag" }),
  t("cheating", "situation", { fr: "Triche", en: "Cheating", es: "Trampa", ro: "Copiat", nl: "Spieken" }),
  t("mixed-levels", "situation", { fr: "Niveaux hétérogènes", en: "Mixed levels", es: "Niveles heterogéneos", ro: "Niveluri eterogene", nl: "Verschillende niveaus" }),
  t("motivation", "situation", { fr: "Motivation", en: "Motivation", es: "Motivación", ro: "Motivație", nl: "Motivatie" }),
  t("trainer-wellbeing", "situation", { fr: "Bien-être du formateur", en: "Trainer wellbeing", es: "Bienestar del formador", ro: "Starea formatorului", nl: "Welzijn van de trainer" }),
  t("personal-hardship", "situation", { fr: "Difficultés personnelles", en: "Personal hardship", es: "Dificultades personales", ro: "Dificultăți personale", nl: "Persoonlijke problemen" }),
  t("onboarding-phase", "phase", { fr: "Démarrage", en: "Start of the programme", es: "Inicio", ro: "Început", nl: "Start" }),
  t("mid-programme", "phase", { fr: "Milieu de formation", en: "Mid-programme", es: "Mitad del programa", ro: "Mijlocul programului", nl: "Halverwege" }),
  t("internship-search", "phase", { fr: "Recherche de stage", en: "Internship search", es: "Búsqueda de prácticas", ro: "Căutarea stagiului", nl: "Stage zoeken" }),
  t("final-project", "phase", { fr: "Projet final", en: "Final project", es: "Proyecto final", ro: "Proiect final", nl: "Eindproject" }),
  t("digital-beginners", "audience", { fr: "Débutants du numérique", en: "Digital beginners", es: "Principiantes digitales", ro: "Începători digitali", nl: "Digitale beginners" }),
  t("career-changers", "audience", { fr: "Reconversion", en: "Career changers", es: "Reconversión", ro: "Reconversie", nl: "Zij-instromers" }),
  t("young-adults", "audience", { fr: "Jeunes adultes", en: "Young adults", es: "Jóvenes adultos", ro: "Tineri adulți", nl: "Jongvolwassenen" }),
  t("refugees-newcomers", "audience", { fr: "Personnes réfugiées", en: "Refugees and newcomers", es: "Personas refugiadas", ro: "Refugiați", nl: "Nieuwkomers" }),
  t("learning-disabilities", "audience", { fr: "Troubles de l’apprentissage", en: "Learning disabilities", es: "Dificultades de aprendizaje", ro: "Tulburări de învățare", nl: "Leerstoornissen" }),
  t("group-project", "format", { fr: "Projet de groupe", en: "Group project", es: "Proyecto en grupo", ro: "Proiect de grup", nl: "Groepsproject" }),
  t("remote-hybrid", "format", { fr: "Distanciel / hybride", en: "Remote / hybrid", es: "Remoto / híbrido", ro: "La distanță / hibrid", nl: "Op afstand / hybride" }),
  t("evaluation", "format", { fr: "Évaluation", en: "Assessment", es: "Evaluación", ro: "Evaluare", nl: "Beoordeling" }),
  t("pair-programming", "format", { fr: "Pair programming", en: "Pair programming", es: "Programación en pareja", ro: "Programare în pereche", nl: "Pair programming" }),
  t("git", "theme", { fr: "Git", en: "Git", es: "Git", ro: "Git", nl: "Git" }),
  t("javascript", "theme", { fr: "JavaScript", en: "JavaScript", es: "JavaScript", ro: "JavaScript", nl: "JavaScript" }),
  t("accessibility", "theme", { fr: "Accessibilité", en: "Accessibility", es: "Accesibilidad", ro: "Accesibilitate", nl: "Toegankelijkheid" }),
  t("soft-skills", "theme", { fr: "Savoir-être", en: "Soft skills", es: "Habilidades blandas", ro: "Abilități sociale", nl: "Soft skills" }),
  t("language-barrier", "theme", { fr: "Barrière de la langue", en: "Language barrier", es: "Barrera lingüística", ro: "Bariera lingvistică", nl: "Taalbarrière" }),
];
