/**
 * Demo case studies: realistic situations, fully anonymised (no names, places, companies or contact details of any
 * learner or colleague), in French, English and Spanish. `author` is a demo person's handle.
 */
export type DemoCase = {
  author: string;
  anonymous: boolean;
  status?: "published" | "in-review";
  daysAgo: number;
  language: "fr" | "en" | "es";
  title: string;
  context: { programme?: string; week?: number; groupSize?: number; learnerProfile?: string; notes?: string };
  situation: string;
  actionsTaken: string;
  outcome: string;
  lessons: string;
  questions: string;
  tags: string[];
  followUp?: string;
  /** Replies from peers (handles), the first `helped` of them marked as approaches that helped. */
  replies?: { author: string; body: string }[];
  helped?: number;
};

export const demoCases: DemoCase[] = [
  {
    author: "camille.martin",
    anonymous: false,
    daysAgo: 62,
    language: "fr",
    title: "Un apprenant décroche en semaine 6 sans prévenir",
    context: { programme: "web-developer", week: 6, groupSize: 14, learnerProfile: "career-changers" },
    situation:
      "Un apprenant en reconversion, très présent les premières semaines, a cessé de venir du jour au lendemain. Il ne répondait plus sur le chat du groupe et ses derniers rendus étaient incomplets.",
    actionsTaken:
      "J’ai laissé un message court et sans reproche, puis proposé un appel de dix minutes. Pendant l’appel, il a expliqué qu’il se sentait largué depuis l’arrivée de JavaScript et n’osait plus revenir. Nous avons construit un plan de rattrapage sur deux semaines avec un binôme volontaire.",
    outcome: "Il est revenu le lundi suivant, a rattrapé l’essentiel en dix jours et a terminé le projet de mi-parcours.",
    lessons: "- Contacter dès la deuxième absence, pas la cinquième.\n- Parler du contenu (« où en es-tu sur les fonctions ? ») plutôt que de l’absence.\n- Un binôme pèse plus qu’un planning.",
    questions: "Comment repérez-vous les signaux faibles avant l’absence : rendus, participation, autre chose ?",
    tags: ["dropout-risk", "mid-programme", "career-changers", "javascript"],
    followUp: "Trois mois plus tard : il a trouvé une alternance et vient parfois aider le groupe suivant lors des ateliers JavaScript.",
    replies: [
      { author: "helene.rousseau", body: "Chez nous, un tableau de suivi des rendus partagé avec l’équipe nous alerte dès deux rendus manqués. Ça évite d’attendre l’absence." },
      { author: "thomas.girard", body: "Le binôme, oui ! J’ajoute un point hebdomadaire de cinq minutes en tête-à-tête, même quand tout va bien : ça rend l’appel moins intimidant quand ça ne va pas." },
      { author: "andrei.popescu", body: "We ask learners to rate their confidence (1–5) every Friday. A drop of two points is our early warning." },
    ],
    helped: 2,
  },
  {
    author: "helene.rousseau",
    anonymous: false,
    daysAgo: 48,
    language: "fr",
    title: "Conflit dans un projet de groupe : une personne fait tout, les autres décrochent",
    context: { programme: "web-developer", week: 11, groupSize: 4, learnerProfile: "mixed" },
    situation:
      "Dans une équipe de quatre, une apprenante plus expérimentée a réécrit seule une grande partie du code pendant le week-end. Les trois autres se sont sentis dépossédés ; la réunion du lundi a tourné à l’affrontement.",
    actionsTaken:
      "J’ai arrêté la réunion, puis vu chacun·e séparément. Ensuite, rétrospective de groupe avec une règle : chaque fonctionnalité a un·e responsable et passe par une revue de code. L’apprenante expérimentée est devenue relectrice plutôt que développeuse principale.",
    outcome: "Le groupe a livré à temps. Deux personnes ont dit en bilan avoir plus appris dans cette seconde moitié du projet.",
    lessons: "Fixer les règles de collaboration (branches, revues, responsabilités) avant le premier commit, pas après la crise.",
    questions: "Quelles règles de départ donnez-vous aux équipes projet ?",
    tags: ["group-conflict", "group-project", "final-project", "git", "soft-skills"],
    replies: [
      { author: "camille.martin", body: "Nous faisons signer une « charte d’équipe » d’une page le premier jour du projet : rôles, horaires, façon de trancher un désaccord." },
      { author: "lucas.bernard", body: "Les revues de code obligatoires changent tout : elles rendent visible le travail de chacun·e." },
    ],
    helped: 1,
  },
  {
    author: "nadia.benchekroun",
    anonymous: true,
    daysAgo: 40,
    language: "fr",
    title: "Une apprenante signale du harcèlement dans le chat du groupe",
    context: { programme: "data-analyst", week: 9, groupSize: 16, learnerProfile: "women-in-tech" },
    situation:
      "Une apprenante est venue me voir après la pause : depuis deux semaines, un camarade lui envoyait des messages privés insistants et des remarques sur son physique, et elle n’osait plus venir en présentiel.",
    actionsTaken:
      "Je l’ai écoutée sans mettre en doute son récit, puis je lui ai expliqué ce que je devais faire (informer la direction) et ce qu’elle pouvait décider (porter plainte ou non). La direction a reçu le camarade le jour même ; il a été suspendu de la formation en attendant l’instruction. Rappel des règles de conduite à tout le groupe sans désigner personne.",
    outcome: "Elle a repris en présentiel la semaine suivante. Le camarade a été exclu après instruction.",
    lessons: "Avoir une procédure écrite avant qu’il n’y en ait besoin. Dire tout de suite à la personne ce qui va se passer et qui sera informé.",
    questions: "Comment accompagnez-vous le reste du groupe sans exposer la personne qui a signalé ?",
    tags: ["harassment", "mid-programme", "soft-skills"],
    replies: [{ author: "karim.benali", body: "La procédure réseau est en cours d’écriture ; ce cas nous aide beaucoup. Merci de l’avoir partagé." }],
    helped: 0,
  },
  {
    author: "thomas.girard",
    anonymous: false,
    daysAgo: 35,
    language: "fr",
    title: "Un apprenant dyslexique en difficulté avec les consignes écrites",
    context: { programme: "web-developer", week: 3, groupSize: 18, learnerProfile: "job-seekers" },
    situation:
      "Un apprenant dyslexique, très à l’aise à l’oral et en logique, perdait beaucoup de temps sur les énoncés longs et se décourageait avant même de coder.",
    actionsTaken:
      "Avec son accord, nous avons adapté les supports : énoncés découpés en étapes courtes, police adaptée, version audio des consignes, et temps supplémentaire sur les évaluations écrites. J’ai aussi montré au groupe les lecteurs d’écran et extensions de lecture, utiles à tout le monde.",
    outcome: "Il a rattrapé son retard en deux semaines et ses rendus se sont nettement améliorés.",
    lessons: "Ce qui aide une personne dyslexique aide souvent tout le groupe : des consignes courtes et structurées.",
    questions: "Avez-vous des modèles de consignes accessibles à partager ?",
    tags: ["learning-disabilities", "onboarding-phase", "accessibility", "digital-beginners"],
    followUp: "En fin de formation, il a présenté un projet sur l’accessibilité des formulaires au jury.",
    replies: [{ author: "manon.petit", body: "On utilise une grille « consigne en 5 lignes max + exemple attendu ». Je peux la partager." }],
    helped: 1,
  },
  {
    author: "andrei.popescu",
    anonymous: false,
    daysAgo: 30,
    language: "en",
    title: "Digital illiteracy on day one of a bootcamp",
    context: { programme: "digital-inclusion", week: 1, groupSize: 12, learnerProfile: "young-adults-neet" },
    situation:
      "On the first morning, a third of the group could not create a folder, copy a file or use keyboard shortcuts. The planned introduction to HTML was impossible for them and frustrating for the others.",
    actionsTaken:
      "We split the first week: a short \"computer basics\" track (files, browser, typing, copy-paste) run with two volunteers from the previous cohort, while the others started HTML. We added a daily ten-minute typing practice for everyone.",
    outcome: "By the end of week two the whole group was working on the same HTML exercises.",
    lessons: "Test basic digital skills during recruitment or on day one, and plan a bridge track rather than hoping people catch up.",
    questions: "Do you use a positioning test at recruitment? Which one?",
    tags: ["digital-beginners", "onboarding-phase", "mixed-levels", "young-adults"],
    replies: [
      { author: "helene.rousseau", body: "We run a 30-minute hands-on test at recruitment (files, browser, a simple form). It is not selective, it tells us who needs the bridge track." },
    ],
    helped: 1,
  },
  {
    author: "stefan.georgescu",
    anonymous: false,
    daysAgo: 26,
    language: "en",
    title: "A language barrier in a mixed group of newcomers",
    context: { programme: "web-developer", week: 2, groupSize: 15, learnerProfile: "refugees-newcomers" },
    situation:
      "Several learners had arrived in the country recently and followed spoken explanations with difficulty. They were strong at problem solving but silent in class, and pair work mostly happened in whatever language the pair shared.",
    actionsTaken:
      "I slowed down, wrote every key word on the board, and shared a glossary of technical terms in the group's languages, built by the learners themselves. Live coding was recorded so people could replay it with subtitles.",
    outcome: "Participation went up clearly; the glossary became a shared resource the group kept adding to.",
    lessons: "Technical vocabulary is a language of its own for everyone — a glossary helps far more people than expected.",
    questions: "How do you balance using the local language (needed for jobs) and letting learners use their own?",
    tags: ["language-barrier", "refugees-newcomers", "onboarding-phase"],
    replies: [{ author: "camille.martin", body: "We alternate: explanations in the local language, then a short recap where learners explain to each other in any language." }],
    helped: 1,
  },
  {
    author: "elena.stoica",
    anonymous: true,
    daysAgo: 21,
    language: "en",
    title: "A learner's housing crisis in the middle of the programme",
    context: { programme: "data-analyst", week: 14, groupSize: 13, learnerProfile: "job-seekers" },
    situation:
      "A learner started arriving late and exhausted. After a few days she told me she had lost her housing and was sleeping at different friends' places, far from the centre.",
    actionsTaken:
      "I connected her with the centre's social support officer the same day, who contacted local emergency housing services. We agreed on remote attendance for two weeks and recorded sessions for her.",
    outcome: "She found temporary housing after ten days and finished the programme, slightly later than the group.",
    lessons: "Trainers are not social workers, but we are often the first to know. Knowing exactly who to call inside the centre made all the difference.",
    questions: "Does your centre have a written list of local support services for learners?",
    tags: ["personal-hardship", "mid-programme", "remote-hybrid"],
    replies: [{ author: "lucas.bernard", body: "We keep a one-page list of local services at reception and in the trainers' shared drive. Worth updating every term." }],
    helped: 1,
  },
  {
    author: "lucia.fernandez",
    anonymous: false,
    daysAgo: 18,
    language: "es",
    title: "Trampa en una evaluación: código copiado de un compañero",
    context: { programme: "web-developer", week: 12, groupSize: 20, learnerProfile: "young-adults-neet" },
    situation:
      "Durante la evaluación intermedia, dos entregas eran casi idénticas, con los mismos errores y los mismos nombres de variables. Uno de los dos había compartido su repositorio la noche anterior.",
    actionsTaken:
      "Hablé con cada uno por separado, sin acusar: les pedí que me explicaran su código. Uno lo explicó perfectamente; el otro no. Acordamos una nueva evaluación oral para el segundo y una conversación sobre qué significa aprender frente a aprobar.",
    outcome: "El segundo aprobó la evaluación oral una semana después. El grupo entendió que la evaluación es para aprender, no un examen que sortear.",
    lessons: "Evaluar con una explicación oral corta del código reduce mucho la tentación de copiar.",
    questions: "¿Cómo diseñáis evaluaciones donde copiar no tenga sentido?",
    tags: ["cheating", "evaluation", "mid-programme"],
    replies: [{ author: "jordi.vilanova", body: "Nosotros hacemos una defensa de 10 minutos de cada proyecto. Copiar deja de ser útil." }],
    helped: 1,
  },
  {
    author: "jordi.vilanova",
    anonymous: true,
    daysAgo: 14,
    language: "es",
    title: "Un alumno disruptivo que interrumpe constantemente las clases",
    context: { programme: "cloud-devops", week: 5, groupSize: 17, learnerProfile: "career-changers" },
    situation:
      "Un alumno con experiencia previa interrumpía las explicaciones para corregirme, hacía bromas y acaparaba las preguntas. El resto del grupo empezó a desconectarse.",
    actionsTaken:
      "Hablé con él a solas: reconocí su experiencia y le propuse un papel, preparar una demo corta cada viernes sobre un tema avanzado. También establecí un turno de preguntas al final de cada bloque.",
    outcome: "Las interrupciones bajaron mucho. Sus demos de los viernes se convirtieron en uno de los momentos favoritos del grupo.",
    lessons: "Detrás de muchas conductas disruptivas hay una necesidad de reconocimiento que se puede canalizar.",
    questions: "¿Qué hacéis cuando dar un papel no es suficiente?",
    tags: ["disruptive-behaviour", "mid-programme", "career-changers", "soft-skills"],
    replies: [{ author: "lucia.fernandez", body: "Funciona muy bien. Si no basta, un acuerdo escrito con objetivos concretos y revisión semanal." }],
    helped: 1,
  },
  {
    author: "ines.garcia",
    anonymous: true,
    daysAgo: 10,
    language: "fr",
    title: "Épuisement d’une formatrice en fin de session",
    context: { programme: "web-developer", week: 20, groupSize: 22, notes: "Deux promotions en parallèle pendant un mois." },
    situation:
      "Après deux promotions menées en parallèle, je dormais mal, je n’arrivais plus à préparer les séances et je devenais irritable avec le groupe. Je me suis rendu compte que je ne prenais plus aucune pause.",
    actionsTaken:
      "J’en ai parlé à ma responsable pédagogique. Nous avons réparti la fin de session avec un collègue, supprimé des tâches administratives et j’ai pris une semaine de congé après le jury.",
    outcome: "La fin de session s’est bien passée et je suis revenue reposée pour la promotion suivante, avec un planning plus réaliste.",
    lessons: "Le bien-être du formateur fait partie de la qualité de la formation. Il faut pouvoir en parler sans que ce soit vu comme un échec.",
    questions: "Comment organisez-vous les périodes de double promotion dans vos centres ?",
    tags: ["trainer-wellbeing", "final-project"],
    replies: [
      { author: "elodie.lambert", body: "Merci pour ce partage. Chez nous, pas plus de deux semaines de chevauchement entre promotions, c’est écrit dans l’organisation." },
      { author: "claire.morel", body: "Un binôme de formateurs par promotion nous a beaucoup aidés : on se relaie." },
    ],
    helped: 2,
  },
  {
    author: "camille.martin",
    anonymous: false,
    daysAgo: 7,
    language: "fr",
    title: "Niveaux très hétérogènes au démarrage d’une formation data",
    context: { programme: "data-analyst", week: 1, groupSize: 16, learnerProfile: "mixed" },
    situation:
      "La moitié du groupe avait déjà fait du tableur avancé et un peu de SQL, l’autre moitié découvrait les formules. Les premiers s’ennuyaient, les seconds décrochaient.",
    actionsTaken:
      "Exercices à paliers (un même jeu de données, trois niveaux de questions), binômes mixtes tournants et un « défi bonus » chaque jour pour les plus avancé·es.",
    outcome: "L’écart s’est réduit au bout de trois semaines ; les binômes mixtes ont créé de l’entraide.",
    lessons: "Un même support à plusieurs niveaux vaut mieux que deux groupes séparés.",
    questions: "Comment évaluez-vous les niveaux à l’entrée sans décourager les débutant·es ?",
    tags: ["mixed-levels", "onboarding-phase", "pair-programming"],
    replies: [],
  },
  {
    author: "lucas.bernard",
    anonymous: true,
    status: "in-review",
    daysAgo: 2,
    language: "fr",
    title: "Un stage qui se passe mal et un tuteur injoignable",
    context: { programme: "web-developer", week: 24, groupSize: 12, learnerProfile: "career-changers" },
    situation:
      "Un apprenant en stage m’a dit qu’il n’avait aucune mission depuis trois semaines et que son tuteur ne répondait plus. Il envisageait d’arrêter le stage.",
    actionsTaken: "J’ai écrit à l’entreprise, puis proposé un point à trois.",
    outcome: "En cours.",
    lessons: "",
    questions: "Dans quels cas mettez-vous fin à une convention de stage ?",
    tags: ["internship-search", "dropout-risk"],
    replies: [],
  },
];
