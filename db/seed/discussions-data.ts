/**
 * Demo discussions: real trainer situations asked and answered across the network, in French and English, with a
 * few in Spanish and Romanian. Authors are demo people (handles from demo-data.ts); times are relative to the
 * moment of seeding, so the demo always looks alive. Situations are invented; no learner is named.
 */

export type DemoReactions = Partial<Record<"helpful" | "same-here" | "thanks", string[]>>;

export type DemoReply = {
  /** Lets the topic point at it as its accepted answer. */
  key?: string;
  by: string;
  /** Hours after the post (or topic) it answers. */
  hours: number;
  body: string;
  reactions?: DemoReactions;
  /** Soft-deleted by its author: a placeholder keeps the replies under it in place. */
  deleted?: boolean;
  /** An earlier version of the body, kept in the revision history (the post shows as edited). */
  earlier?: string;
  replies?: DemoReply[];
};

export type DemoTopic = {
  category: string;
  tags: string[];
  language: "fr" | "en" | "es" | "ro";
  by: string;
  daysAgo: number;
  title: string;
  body: string;
  /** Key of the reply marked as what solved it. */
  accepted?: string;
  pinned?: { by: string; reason: string };
  locked?: { by: string; reason: string; daysAgo: number };
  replies: DemoReply[];
};

export const demoTopics: DemoTopic[] = [
  // ── 1. A learner dropping out in week 6 ─────────────────────────────
  {
    category: "classroom-situations",
    tags: ["dropout-risk", "mid-programme", "career-changers"],
    language: "fr",
    by: "camille.martin",
    daysAgo: 18,
    title: "Un apprenant décroche en semaine 6 : comment le raccrocher sans le braquer ?",
    body: `Bonjour à toutes et à tous,

Dans ma promo de développeur·ses web (14 personnes, toutes en reconversion), un apprenant — appelons-le M. — décroche depuis une dizaine de jours :

- il arrive en retard presque tous les matins, caméra coupée les jours de distanciel ;
- il n'a rendu ni le brief de la semaine 5 ni celui de la semaine 6 ;
- en binôme, il laisse l'autre coder et ne pose plus de questions.

Il avait pourtant très bien démarré : il était même moteur pendant la découverte de HTML et CSS. J'ai tenté une remarque légère en fin de journée, il m'a répondu que « ça va, c'est juste un peu la fatigue ».

Je ne veux ni le mettre sous pression ni attendre qu'il soit trop tard. Comment vous y prenez-vous à ce stade de la formation ? Qui impliquez-vous : chargé·e d'insertion, référent·e handicap, le groupe ?`,
    accepted: "dropout-interview",
    replies: [
      {
        key: "dropout-interview",
        by: "helene.rousseau",
        hours: 5,
        body: `La semaine 6, c'est souvent le moment où JavaScript arrive et où l'écart se creuse : beaucoup se disent « je ne suis pas fait·e pour ça ». Chez nous, ce qui marche le mieux, c'est un **entretien individuel court et cadré** — pas en fin de journée, mais sur un créneau posé à l'avance :

1. commencer par ce qui allait bien (tu as des exemples concrets, c'est précieux) ;
2. décrire les faits sans les interpréter : les retards, les rendus manquants ;
3. demander ouvertement ce qui a changé, puis **se taire** ;
4. repartir avec *un seul* engagement réaliste pour la semaine suivante.

En parallèle, préviens la chargée d'insertion, sans lui demander d'intervenir tout de suite.`,
        reactions: { helpful: ["camille.martin", "karim.benali", "thomas.girard", "fatou.diallo", "manon.petit"], thanks: ["camille.martin"] },
        replies: [
          {
            by: "camille.martin",
            hours: 3,
            body: "Merci @helene.rousseau, le « se taire » est sans doute ce qui me manque le plus 😅 Tu mènes l'entretien seule ou avec la chargée d'insertion ?",
            replies: [
              {
                by: "helene.rousseau",
                hours: 2,
                body: "Seule d'abord. À deux, ça ressemble vite à un conseil de discipline. Je propose ensuite à la personne de rencontrer la chargée d'insertion si elle en a envie — et la plupart du temps, elle accepte.",
                reactions: { helpful: ["yasmina.haddad"] },
                replies: [
                  {
                    by: "yasmina.haddad",
                    hours: 20,
                    body: "Côté insertion, je confirme : je préfère être prévenue tôt et intervenir tard. Quand on m'appelle seulement au moment de l'exclusion, il n'y a plus grand-chose à sauver. Si tu veux, on peut en parler en visio, j'ai accompagné plusieurs situations de ce genre à Marseille.",
                    reactions: { helpful: ["helene.rousseau", "nadia.benchekroun"] },
                    replies: [
                      {
                        by: "camille.martin",
                        hours: 4,
                        body: "Avec plaisir ! Je t'écris pour caler un créneau cette semaine. Merci beaucoup.",
                        reactions: { thanks: ["yasmina.haddad"] },
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        by: "thomas.girard",
        hours: 8,
        body: `Petite mise en garde : « c'est juste la fatigue » peut cacher beaucoup de choses — logement, argent, garde d'enfants, santé. En reconversion, la fin des droits au chômage tombe parfois pile au milieu de la formation.

Pose la question de façon ouverte : « Est-ce qu'il y a quelque chose, en dehors de la formation, qui rend les choses plus difficiles en ce moment ? »`,
        reactions: { helpful: ["helene.rousseau", "yasmina.haddad", "nadia.benchekroun", "camille.martin"], "same-here": ["lucas.bernard"] },
        replies: [
          {
            by: "nadia.benchekroun",
            hours: 6,
            body: "Tout à fait. L'an dernier, une apprenante ne venait plus les lundis : elle avait perdu sa place en crèche. On a aménagé ses horaires pendant deux semaines, elle a terminé la formation et elle est aujourd'hui en CDI.",
            reactions: { "same-here": ["thomas.girard"], thanks: ["camille.martin"] },
            replies: [
              {
                by: "camille.martin",
                hours: 2,
                body: "Ça fait du bien de lire ce genre d'histoire. Je n'avais pas du tout pensé aux droits au chômage, je vais vérifier avec l'équipe.",
              },
            ],
          },
        ],
      },
      {
        by: "karim.benali",
        hours: 26,
        body: "Deux ressources utiles : la grille « signaux faibles » que les fabriques d'Île-de-France utilisent depuis l'an dernier, et le guide d'entretien de remobilisation. Je les dépose dans l'espace ressources la semaine prochaine. En attendant, n'hésite pas à m'appeler.",
        reactions: { thanks: ["camille.martin", "helene.rousseau"] },
      },
      {
        by: "camille.martin",
        hours: 9 * 24,
        body: `**Des nouvelles** : j'ai fait l'entretien jeudi. M. traversait une période compliquée (déménagement forcé, plus d'ordinateur chez lui). On a trouvé un prêt de portable via la fabrique et il rattrape ses rendus en binôme avec une autre apprenante. Il était là à 9 h ce matin.

Merci à toutes et à tous ! Je marque la réponse d'Hélène comme solution : sa méthode d'entretien m'a vraiment guidée.`,
        reactions: { helpful: ["helene.rousseau"], thanks: ["karim.benali", "thomas.girard", "yasmina.haddad"] },
        replies: [
          {
            by: "lucas.bernard",
            hours: 3,
            body: "Super nouvelle ! Le prêt de portable, on devrait en faire un réflexe dans toutes les fabriques.",
            reactions: { "same-here": ["nadia.benchekroun", "karim.benali"] },
          },
        ],
      },
    ],
  },

  // ── 2. A group project conflict ─────────────────────────────────────
  {
    category: "classroom-situations",
    tags: ["group-conflict", "group-project", "final-project"],
    language: "en",
    by: "andrei.popescu",
    daysAgo: 12,
    title: "Group project conflict: one learner rewrote everyone's code the night before the demo",
    body: `Hi all,

My Java cohort in Bucharest is in the final-project phase (teams of four, three-week sprint). Yesterday one team nearly fell apart: the strongest developer of the group rewrote most of the back end overnight "because it was faster", and the others found out at stand-up. Two of them now say they don't want to present the project because "it's not our work anymore".

What I've done so far:

- paused the team's stand-up and talked to each person separately;
- reverted nothing yet (the new code works, and the demo is on Friday).

How would you handle the demo, and the assessment? Have you had teams where one person takes over? I'd love concrete rules that worked for you.`,
    accepted: "team-contract",
    replies: [
      {
        key: "team-contract",
        by: "sofie.mertens",
        hours: 4,
        body: `We had exactly this at BeCode last spring. What saved us afterwards was a **team contract**, written on day one of every group project, that we actually enforce:

- no merge to \`main\` without a review from someone else in the team;
- every member presents a part they wrote;
- anyone blocked for more than half a day says so at stand-up.

For your Friday demo: keep the working code, but ask the person who rewrote it to *walk the others through it* on Thursday, so that each of them can present and explain one part. It turns a takeover into a knowledge transfer.`,
        reactions: { helpful: ["andrei.popescu", "elena.stoica", "karim.benali", "wout.jacobs"], thanks: ["andrei.popescu"] },
        replies: [
          {
            by: "andrei.popescu",
            hours: 2,
            body: "The walk-through idea is great. Did you also grade individually, or one grade for the whole team?",
            replies: [
              {
                by: "sofie.mertens",
                hours: 5,
                body: "A team grade for the product, an individual grade for the explanation during the demo and for the git history. The git log tells you a lot, even if it's not the whole story.",
                reactions: { helpful: ["andrei.popescu"] },
                replies: [
                  {
                    by: "wout.jacobs",
                    hours: 22,
                    body: "Careful with the git log, though: pair-programming sessions often end up committed by one person only. We ask teams to add `Co-authored-by:` lines so that pairing shows up in the history.",
                    reactions: { helpful: ["sofie.mertens", "andrei.popescu", "radu.constantin"] },
                    replies: [
                      {
                        by: "andrei.popescu",
                        hours: 3,
                        body: "I didn't know about `Co-authored-by`, adding it to our team contract template right away. Thanks!",
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        by: "elena.stoica",
        hours: 6,
        body: "I'd also talk to the \"strong\" learner on their own. Often they panic about the demo and don't realise how it lands for the others. In my experience they're relieved when someone gives them a better role: reviewer, or mentor for the rest of the sprint.",
        reactions: { helpful: ["andrei.popescu", "sofie.mertens"], "same-here": ["radu.constantin"] },
        replies: [
          {
            by: "radu.constantin",
            hours: 20,
            body: "+1. We made it an explicit role in Cluj: the \"tech lead\" of a team may not write more than a third of the code, and is assessed on how well the others understand it.",
            reactions: { helpful: ["elena.stoica", "ioana.dumitrescu"] },
          },
        ],
      },
      {
        by: "ioana.dumitrescu",
        hours: 60,
        body: "Follow-up from Bucharest: Andrei's team presented on Friday, each member took one part, and it went really well. We'll add the team contract to every Romanian cohort from the next intake.",
        reactions: { thanks: ["andrei.popescu", "sofie.mertens"] },
      },
    ],
  },

  // ── 3. Learners with very different levels ─────────────────────────
  {
    category: "pedagogy",
    tags: ["mixed-levels", "digital-beginners", "pair-programming"],
    language: "fr",
    by: "helene.rousseau",
    daysAgo: 25,
    title: "Niveaux très hétérogènes : les un·es s'ennuient, les autres sont perdu·es",
    body: `Ma promo data compte à la fois une ancienne comptable qui écrit du SQL mieux que moi et deux personnes qui découvrent le tableur.

Depuis trois semaines, j'ai l'impression de ne satisfaire personne : si je ralentis, les plus avancé·es décrochent ; si j'accélère, je perds les autres. J'ai déjà essayé les exercices « bonus », avec un succès mitigé.

Vous avez des dispositifs qui tiennent dans la durée ?`,
    accepted: "levels-tiers",
    replies: [
      {
        key: "levels-tiers",
        by: "mathieu.chevalier",
        hours: 3,
        body: `Ce qui a changé ma pratique : des exercices en **paliers** plutôt que des bonus. Chaque brief a trois niveaux :

1. *l'essentiel* — ce que tout le monde doit savoir faire à la fin de la journée ;
2. *l'approfondissement* — la même notion, dans un cas plus réaliste ;
3. *le défi* — ouvert, sans correction type.

Tout le monde commence au palier 1, et personne n'est « en retard » puisque le palier 1 est l'objectif commun. Les plus avancé·es ne s'ennuient plus, parce que le palier 3 est vraiment ouvert.`,
        reactions: { helpful: ["helene.rousseau", "manon.petit", "aurelie.blanc", "camille.martin"], thanks: ["helene.rousseau"] },
        replies: [
          {
            by: "helene.rousseau",
            hours: 5,
            body: "J'aime beaucoup. Comment évites-tu que le palier 3 devienne la norme implicite, celle que tout le monde se sent obligé d'atteindre ?",
            replies: [
              {
                by: "mathieu.chevalier",
                hours: 2,
                body: "En le disant clairement, et en ne valorisant jamais publiquement celles et ceux qui y arrivent. En revanche, je fais présenter les solutions du palier 1 par des personnes différentes chaque jour.",
                reactions: { helpful: ["helene.rousseau", "aurelie.blanc"] },
                replies: [
                  {
                    by: "aurelie.blanc",
                    hours: 24,
                    body: "On fait pareil à Grenoble, avec une variante : les personnes du palier 3 doivent expliquer leur solution à quelqu'un du palier 1 avant de passer à autre chose. Ça consolide leurs acquis et ça crée du lien dans le groupe.",
                    reactions: { helpful: ["mathieu.chevalier"], "same-here": ["oceane.perrin"] },
                    replies: [
                      {
                        by: "helene.rousseau",
                        hours: 6,
                        body: "Je teste ça dès lundi. Merci à vous deux !",
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        by: "manon.petit",
        hours: 22,
        body: "Attention au binômage systématique « fort / faible » : au début c'est très bien, mais au bout de quelques semaines les plus avancé·es se sentent utilisé·es comme formateur·rices bénévoles. Je fais tourner les binômes chaque semaine, en alternant niveaux proches et niveaux éloignés.",
        reactions: { helpful: ["helene.rousseau", "lucas.bernard"], "same-here": ["benoit.marchand", "guillaume.faure"] },
        replies: [
          {
            by: "benoit.marchand",
            hours: 4,
            body: "Exactement ce qui m'est arrivé l'an dernier : un apprenant m'a dit qu'il était là pour apprendre, pas pour enseigner. Il n'avait pas tort.",
            reactions: { "same-here": ["manon.petit"] },
          },
        ],
      },
      {
        by: "guillaume.faure",
        hours: 50,
        body: "Autre piste : une séance de positionnement au début de chaque module (dix minutes, non notée) pour constituer des groupes de *besoins* plutôt que de niveau. Les groupes changent d'un module à l'autre, ce qui évite les étiquettes.",
        reactions: { helpful: ["helene.rousseau", "manon.petit"] },
      },
    ],
  },

  // ── 4. Teaching git to people new to computers ─────────────────────
  {
    category: "tech-and-tools",
    tags: ["git", "digital-beginners", "onboarding-phase"],
    language: "fr",
    by: "thomas.girard",
    daysAgo: 9,
    title: "Enseigner git à des personnes qui découvrent l'ordinateur",
    body: `Ma nouvelle promo (parcours inclusion numérique, à Montreuil) compte plusieurs personnes qui n'avaient jamais utilisé de clavier avant l'été. Elles ont fait d'énormes progrès, mais git reste un mur : le terminal fait peur, et les notions de *commit* et de *branche* sont très abstraites.

Comment introduisez-vous git à ce public ? Dans quel ordre, et avec quels outils : terminal, VS Code, GitHub Desktop ?`,
    accepted: "git-camera",
    replies: [
      {
        key: "git-camera",
        by: "amelie.dubois",
        hours: 2,
        body: `Chez BeCode, on commence **sans** branches ni dépôt distant pendant une semaine. Trois commandes seulement, toujours les mêmes, affichées en grand dans la salle :

\`\`\`bash
git status                       # où j'en suis ?
git add index.html               # je prépare la photo
git commit -m "Ajoute le menu"   # je prends la photo
\`\`\`

La métaphore de l'appareil photo marche très bien : \`add\` prépare la photo, \`commit\` la prend, \`log\` est l'album. On n'ajoute \`git push\` qu'une fois le réflexe \`git status\` acquis.`,
        reactions: { helpful: ["thomas.girard", "camille.martin", "olivier.renard", "julie.lemaire", "mehdi.elamrani"], thanks: ["thomas.girard"] },
        replies: [
          {
            by: "thomas.girard",
            hours: 3,
            body: "La métaphore de l'appareil photo me plaît beaucoup. Et pour les messages de commit, vous imposez une convention ?",
            replies: [
              {
                by: "amelie.dubois",
                hours: 4,
                body: "Une seule règle au début : le message complète la phrase « Ce commit… ». Donc « Ajoute le menu », « Corrige la couleur du bouton ». Les conventions plus précises arrivent plus tard, en projet de groupe.",
                reactions: { helpful: ["thomas.girard"] },
                replies: [
                  {
                    by: "olivier.renard",
                    hours: 24,
                    body: `Même règle à Charleroi. Petit bonus : en fin de journée, on affiche l'historique avec

\`\`\`bash
git log --oneline --graph
\`\`\`

et chacun·e lit ses propres commits à voix haute. L'album photo devient très concret.`,
                    reactions: { helpful: ["amelie.dubois", "thomas.girard"], "same-here": ["julie.lemaire"] },
                    replies: [
                      {
                        by: "thomas.girard",
                        hours: 5,
                        body: "Je vole l'idée de la lecture à voix haute !",
                        reactions: { thanks: ["olivier.renard"] },
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        by: "camille.martin",
        hours: 5,
        body: "Pour le terminal, je fais d'abord manipuler les fichiers avec l'explorateur **et** le terminal côte à côte : `ls`, `cd`, `mkdir`, et on vérifie que le dossier créé dans le terminal apparaît bien dans l'explorateur. Ça démystifie énormément. Je garde VS Code pour la deuxième semaine.",
        reactions: { helpful: ["thomas.girard", "amelie.dubois"], "same-here": ["lea.schmitt"] },
        replies: [
          {
            by: "lea.schmitt",
            hours: 20,
            body: "Pareil à Strasbourg. On a aussi imprimé un mémo d'une page, plastifié, posé sur chaque table. Pour aller plus loin, les premiers chapitres du livre *Pro Git* existent en français et se lisent très bien : [Pro Git, en français](https://git-scm.com/book/fr/v2).",
            reactions: { helpful: ["thomas.girard", "camille.martin"], thanks: ["thomas.girard"] },
          },
        ],
      },
      {
        by: "mehdi.elamrani",
        hours: 44,
        body: `Et quand arrive le premier conflit de fusion, je le provoque volontairement, en direct, pour montrer que ce n'est pas grave :

\`\`\`text
<<<<<<< HEAD
<h1>Bienvenue</h1>
=======
<h1>Bonjour</h1>
>>>>>>> menu
\`\`\`

On lit ensemble les trois zones, on choisit, on supprime les marqueurs, on fait un commit. Le premier vrai conflit fait beaucoup moins peur ensuite.`,
        reactions: { helpful: ["thomas.girard", "amelie.dubois", "camille.martin"] },
      },
    ],
  },

  // ── 5. Keeping motivation during the internship search ─────────────
  {
    category: "inclusion-support",
    tags: ["motivation", "internship-search", "career-changers"],
    language: "fr",
    by: "fatou.diallo",
    daysAgo: 6,
    title: "Garder la motivation pendant la recherche de stage",
    body: `Nous entamons la 4ᵉ semaine de recherche de stage et le moral de la promo est en chute libre : beaucoup de candidatures sans réponse, deux refus après un entretien technique, et certain·es commencent à dire que « la formation ne sert à rien ».

Comment soutenez-vous le groupe dans cette période ? Rituels, suivi individuel, partenaires ?`,
    accepted: "weekly-point",
    replies: [
      {
        key: "weekly-point",
        by: "yasmina.haddad",
        hours: 3,
        body: `Chez nous, un **point collectif hebdomadaire** de 30 minutes, toujours le lundi :

- chacun·e annonce un chiffre (candidatures envoyées) et une victoire, même minuscule : « j'ai eu une réponse, même négative » ;
- on affiche le tableau des relances, sans classement ;
- une personne qui a décroché son stage vient raconter comment elle s'y est prise.

Rendre visibles les efforts, et pas seulement les résultats, change beaucoup l'ambiance.`,
        reactions: { helpful: ["fatou.diallo", "karim.benali", "nadia.benchekroun", "antoine.mercier"], thanks: ["fatou.diallo"] },
        replies: [
          {
            by: "fatou.diallo",
            hours: 2,
            body: "Et pour les refus après un entretien technique, vous faites un retour avec la personne ?",
            replies: [
              {
                by: "antoine.mercier",
                hours: 5,
                body: "Oui : on rejoue l'entretien avec un·e autre formateur·rice dans le rôle du recruteur. On enregistre (avec accord) et on réécoute ensemble. C'est dur sur le moment, mais ça transforme un échec en entraînement.",
                reactions: { helpful: ["fatou.diallo", "yasmina.haddad"] },
                replies: [
                  {
                    by: "ines.garcia",
                    hours: 20,
                    body: "On complète avec des entretiens blancs menés par d'ancien·nes apprenant·es aujourd'hui en poste. Le message passe mieux venant de quelqu'un qui était à leur place un an plus tôt.",
                    reactions: { helpful: ["fatou.diallo"], "same-here": ["antoine.mercier"] },
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        by: "karim.benali",
        hours: 24,
        body: "N'oubliez pas le réseau : plusieurs fabriques ont des entreprises partenaires qui cherchent des stagiaires en télétravail. Postez vos besoins dans la catégorie *Vie du réseau*, on relaie.",
        reactions: { thanks: ["fatou.diallo"] },
      },
      {
        by: "julie.lemaire",
        hours: 40,
        body: "Une petite chose qui a aidé à Liège : on ne parle plus de « recherche de stage » mais de « projet pro ». Chaque semaine, les apprenant·es avancent aussi sur un projet personnel à montrer en entretien. Quand les réponses n'arrivent pas, il reste quelque chose qui avance.",
        reactions: { helpful: ["fatou.diallo", "yasmina.haddad"], "same-here": ["claire.morel"] },
      },
    ],
  },

  // ── 6. An accessibility question ───────────────────────────────────
  {
    category: "inclusion-support",
    tags: ["accessibility", "onboarding-phase"],
    language: "en",
    by: "sarah.vermeulen",
    daysAgo: 15,
    title: "A blind learner joins our web development cohort next month: how do we prepare?",
    body: `We've just admitted a learner who is blind and uses the NVDA screen reader on Windows. She's very motivated and has already completed a few freeCodeCamp modules on her own. None of our coaches has taught a screen-reader user before.

What should we check before day one? I'm thinking about:

1. our learning platform and slides;
2. the editor set-up (VS Code?);
3. pair programming, which is a big part of our method.

Any experience is welcome, including what went wrong.`,
    accepted: "screen-reader",
    replies: [
      {
        key: "screen-reader",
        by: "camille.martin",
        hours: 6,
        body: `I had a screen-reader user in my cohort two years ago. What mattered most:

- **VS Code works well with NVDA** once accessibility support is switched on. Teach the shortcuts of the *Problems* panel early: it's how she read her errors.
- Send slides **before** the session, as HTML or well-structured documents, never as images.
- Describe out loud whatever you draw on the whiteboard. It actually helps everybody.
- In pair programming she was the navigator more often at first; we switched once she had her own screen-sharing set-up.

And ask her what she needs: she knows her tools better than you do.`,
        reactions: { helpful: ["sarah.vermeulen", "sofie.mertens", "claire.morel", "elke.janssens"], thanks: ["sarah.vermeulen"] },
        replies: [
          {
            by: "sarah.vermeulen",
            hours: 3,
            body: "Thank you, this is exactly the kind of practical detail I was looking for. How did you handle the browser dev tools?",
            replies: [
              {
                by: "camille.martin",
                hours: 4,
                body: "Honestly, that was the hardest part. Firefox's accessibility inspector worked better for her than Chrome's DevTools. And plenty of `console.log` — which, to be fair, is how most of us debug anyway 🙂",
                reactions: { thanks: ["sarah.vermeulen"] },
                replies: [
                  {
                    by: "claire.morel",
                    hours: 22,
                    body: "Also worth knowing: automated audit tools such as axe report issues as plain text that screen readers handle well. In our cohort, auditing the accessibility of her own pages became the learner's strength — she now works as an accessibility tester.",
                    reactions: { helpful: ["sarah.vermeulen", "camille.martin"] },
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        by: "elke.janssens",
        hours: 28,
        body: "On the organisation side: contact the regional disability service before she starts. There is funding for assistive software, and for a braille display if she wants one. Our Antwerp campus went through this last year; I can put you in touch.",
        reactions: { thanks: ["sarah.vermeulen"], helpful: ["camille.martin"] },
        replies: [
          {
            by: "sarah.vermeulen",
            hours: 2,
            body: "Yes please, I'll send you a message today.",
          },
        ],
      },
    ],
  },

  // ── 7. Onboarding a new trainer ────────────────────────────────────
  {
    category: "recruiting-onboarding",
    tags: ["trainer-wellbeing", "soft-skills"],
    language: "fr",
    by: "karim.benali",
    daysAgo: 30,
    title: "Accueillir un·e nouveau·elle formateur·rice : votre checklist des deux premières semaines ?",
    body: `Nous accueillons trois nouveaux formateur·rices en Île-de-France en janvier. Je prépare une checklist commune et j'aimerais la confronter à vos pratiques. Voici ma première version :

- [x] un binôme avec un·e formateur·rice expérimenté·e pendant un mois
- [x] l'observation de deux journées complètes avant d'animer
- [ ] les accès aux outils (plateforme, drive, messagerie) **avant** le premier jour
- [ ] un point d'étape à J+5 et à J+15 avec la ou le responsable pédagogique
- [ ] une présentation à l'équipe insertion

Qu'est-ce qui manque ?`,
    accepted: "posture",
    replies: [
      {
        key: "posture",
        by: "maxime.delattre",
        hours: 5,
        body: "Il manque à mon avis **un temps sur la posture** : beaucoup de nouvelles et nouveaux viennent du développement et ont le réflexe de donner la solution. À Lille, on consacre une demi-journée à « accompagner sans faire à la place », avec des mises en situation.",
        reactions: { helpful: ["karim.benali", "laurent.fabre", "oceane.perrin"] },
        replies: [
          {
            by: "karim.benali",
            hours: 2,
            body: "Très juste. Tu aurais un déroulé de cette demi-journée à partager ?",
            replies: [
              {
                by: "maxime.delattre",
                hours: 20,
                body: `Oui, en gros :

1. 30 min : ce que l'on attend d'un·e formateur·rice Simplon (et ce que l'on n'attend pas) ;
2. 1 h : jeux de rôle — une personne est bloquée sur un bug, l'autre n'a le droit de poser que des questions ;
3. 1 h : débrief et partage de « phrases qui aident ».

Je t'envoie le support.`,
                reactions: { thanks: ["karim.benali"], helpful: ["oceane.perrin"] },
              },
            ],
          },
        ],
      },
      {
        by: "oceane.perrin",
        hours: 26,
        body: "Je suis arrivée il y a six mois. Ce qui m'a le plus manqué : savoir **à qui demander quoi**. Un simple tableau « pour telle question, voir telle personne » m'aurait évité beaucoup de stress.",
        reactions: { "same-here": ["romain.fontaine", "lea.schmitt"], helpful: ["karim.benali"] },
        replies: [
          {
            by: "romain.fontaine",
            hours: 6,
            body: "Pareil pour moi. Et savoir que j'avais le droit de dire « je ne sais pas, je vérifie » devant les apprenant·es.",
            reactions: { "same-here": ["oceane.perrin"] },
            replies: [
              {
                by: "laurent.fabre",
                hours: 5,
                body: "C'est même une compétence à montrer ! Un·e formateur·rice qui cherche dans la documentation en direct apprend beaucoup aux apprenant·es sur le métier réel.",
                reactions: { helpful: ["romain.fontaine", "oceane.perrin", "karim.benali"] },
              },
            ],
          },
        ],
      },
      {
        by: "karim.benali",
        hours: 5 * 24,
        body: "Merci pour vos retours ! La version 2 de la checklist est dans l'espace ressources, avec la demi-journée sur la posture et le tableau « qui fait quoi ».",
        earlier: "Merci pour vos retours ! Je mets la version 2 en ligne bientôt.",
        reactions: { thanks: ["maxime.delattre", "oceane.perrin"] },
      },
    ],
  },

  // ── 8. A mobility question ─────────────────────────────────────────
  {
    category: "mobility-questions",
    tags: [],
    language: "en",
    by: "stefan.georgescu",
    daysAgo: 20,
    title: "Two-week mobility at Factoria F5 Madrid: what should I prepare?",
    body: `I've been selected for a two-week mobility at Factoria F5 Madrid in March, co-teaching a web development bootcamp. My Spanish is A2 at best. A few questions for those who went before me:

1. Do learners follow sessions in English, or should I prepare everything in Spanish?
2. Is accommodation usually arranged by the host centre?
3. What did you bring back that changed your teaching at home?`,
    accepted: "madrid-host",
    replies: [
      {
        key: "madrid-host",
        by: "lucia.fernandez",
        hours: 4,
        body: `Welcome in advance, Ștefan! Quick answers from the host side:

1. Sessions are in Spanish, but most learners read English documentation every day. We'll pair you with a local trainer: you run your workshops in English, and they add a Spanish summary at the end. Slides in English are fine.
2. We don't book housing ourselves, but we send a list of short-term rentals near the centre that previous visitors liked.
3. I'll let the others answer that one 😊

We'll have a video call in February to plan your workshops.`,
        reactions: { helpful: ["stefan.georgescu", "ioana.dumitrescu"], thanks: ["stefan.georgescu"] },
        replies: [
          {
            by: "stefan.georgescu",
            hours: 5,
            body: "Perfect, thank you Lucía! Which topics would be most useful for your cohort in March?",
            replies: [
              {
                by: "lucia.fernandez",
                hours: 20,
                body: "They'll be starting React. A workshop on testing (Jest or Vitest) would be gold: our local team is less comfortable with it.",
                replies: [
                  {
                    by: "stefan.georgescu",
                    hours: 3,
                    body: "Testing is my favourite topic. Deal!",
                    reactions: { thanks: ["lucia.fernandez"] },
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        by: "camille.martin",
        hours: 30,
        body: "I went to Madrid last year. What I brought back: their daily retro at 5 pm — ten minutes standing in a circle, \"one thing I learned, one thing I'm stuck on\". I've used it every day in Paris since.",
        reactions: { "same-here": ["javier.morales"], helpful: ["stefan.georgescu", "sofie.mertens"] },
        replies: [
          {
            by: "javier.morales",
            hours: 6,
            body: "Glad it travelled! To be honest, we borrowed it from BeCode 😄",
            reactions: { thanks: ["camille.martin"] },
          },
        ],
      },
    ],
  },

  // ── 9. Network life: the pinned welcome ────────────────────────────
  {
    category: "network-life",
    tags: [],
    language: "fr",
    by: "sophie.lefevre",
    daysAgo: 35,
    title: "Bienvenue dans les discussions du Digital Compass : à lire avant de poster",
    body: `Bonjour à toutes et à tous,

Cet espace sert à **poser des questions à vos pairs** et à retrouver les réponses plus tard. Quelques repères :

1. **Une situation, un sujet.** Décrivez le contexte (public, semaine de formation, taille du groupe) sans nommer les apprenant·es.
2. **Choisissez une catégorie et des étiquettes** : c'est ce qui permet aux autres de retrouver votre sujet.
3. **Répondez à la bonne personne** : le bouton « Répondre » sous chaque message garde le fil de la conversation.
4. **Marquez la réponse qui vous a aidé·e** : elle s'affichera en tête du sujet.
5. Écrivez dans la langue qui vous convient : français, anglais, espagnol, roumain ou néerlandais.

Les messages s'écrivent en Markdown ; si la syntaxe est nouvelle pour vous, ce [guide en ligne](https://www.markdownguide.org/basic-syntax/) en fait le tour en cinq minutes. Bonnes discussions !`,
    pinned: { by: "sophie.lefevre", reason: "Repères pour bien démarrer dans les discussions." },
    replies: [
      {
        by: "lucia.fernandez",
        hours: 22,
        body: "¡Gracias Sophie! Une question : est-ce qu'on peut écrire en espagnol même si la catégorie est présentée en français ?",
        replies: [
          {
            by: "sophie.lefevre",
            hours: 2,
            body: "Oui, bien sûr ! Choisissez simplement « espagnol » comme langue du sujet : la recherche en tiendra compte.",
            reactions: { thanks: ["lucia.fernandez", "jordi.vilanova"] },
          },
        ],
      },
      {
        by: "pieter.vandenbroeck",
        hours: 50,
        body: "Merci pour ce cadre clair. Les collègues flamand·es posteront sans doute en néerlandais : n'hésitez pas à utiliser un traducteur et à leur répondre en français ou en anglais.",
        reactions: { helpful: ["sophie.lefevre", "elke.janssens"] },
      },
    ],
  },

  // ── 10. Network life: a closed registration (locked) ──────────────
  {
    category: "network-life",
    tags: [],
    language: "fr",
    by: "maxime.delattre",
    daysAgo: 28,
    title: "Rencontres du réseau à Lille : inscriptions",
    body: `Les rencontres annuelles du réseau auront lieu à Simplon Lille au printemps (les dates exactes sont dans l'e-mail d'invitation). Au programme : ateliers de pratiques, retours de mobilité et une soirée avec les entreprises partenaires.

Pour vous inscrire, répondez à ce sujet en indiquant :

- vos jours de présence ;
- vos contraintes alimentaires ;
- si vous souhaitez animer un atelier.`,
    locked: { by: "karim.benali", reason: "Inscriptions closes : le programme définitif a été envoyé par e-mail.", daysAgo: 17 },
    replies: [
      {
        by: "yannick.legoff",
        hours: 3,
        body: "Je serai là les deux jours, arrivée le premier matin en train depuis Rennes. Végétarien.",
      },
      {
        by: "sebastien.roux",
        hours: 6,
        body: "Inscrit ! Je propose un atelier sur les revues de code entre apprenant·es, si le programme n'est pas complet.",
        reactions: { helpful: ["maxime.delattre"] },
        replies: [
          {
            by: "maxime.delattre",
            hours: 4,
            body: "Avec plaisir, je t'ajoute au programme du deuxième matin.",
            replies: [
              {
                by: "aurelie.blanc",
                hours: 20,
                body: "Je viendrai à cet atelier : c'est un sujet qui nous travaille beaucoup à Grenoble.",
                reactions: { "same-here": ["guillaume.faure", "claire.morel"] },
              },
            ],
          },
        ],
      },
      {
        by: "jordi.vilanova",
        hours: 30,
        body: "Nous venons à trois depuis Barcelone ! Arrivée la veille au soir.",
        reactions: { thanks: ["maxime.delattre"] },
      },
      {
        by: "maxime.delattre",
        hours: 10 * 24,
        body: "Les inscriptions sont closes, merci à toutes et à tous ! Le programme définitif part par e-mail cette semaine.",
        reactions: { thanks: ["sebastien.roux", "yannick.legoff", "aurelie.blanc"] },
      },
    ],
  },

  // ── 11. Assessing group projects (Spanish) ─────────────────────────
  {
    category: "pedagogy",
    tags: ["evaluation", "group-project"],
    language: "es",
    by: "javier.morales",
    daysAgo: 16,
    title: "¿Cómo evaluáis los proyectos en grupo sin penalizar a quien más aporta?",
    body: `Hola a todas y todos:

En Factoria F5 Madrid evaluamos los proyectos finales con una nota común para todo el equipo. Este año varias personas se han quejado: sienten que la nota no refleja su trabajo real, y algunos compañeros se han "escondido" detrás del grupo.

¿Usáis autoevaluación, coevaluación, rúbricas individuales? Me interesa sobre todo lo que os haya funcionado de verdad.`,
    accepted: "rubric",
    replies: [
      {
        key: "rubric",
        by: "montserrat.puig",
        hours: 5,
        body: `En Barcelona combinamos tres cosas:

- una **rúbrica común** para el producto (50 %);
- una **coevaluación anónima** entre compañeros, con criterios concretos ("ha cumplido sus tareas", "ha ayudado a otros"), que ajusta la nota individual (20 %);
- una **defensa individual** de cinco minutos en la que cada persona explica una parte del código (30 %).

La coevaluación sola no basta: a veces refleja amistades más que trabajo. Por eso la defensa individual pesa más.`,
        reactions: { helpful: ["javier.morales", "laura.gomez", "carmen.ruiz", "nuria.ferrer"], thanks: ["javier.morales"] },
        replies: [
          {
            by: "javier.morales",
            hours: 3,
            body: "¿Y cómo evitáis que la coevaluación se convierta en un ajuste de cuentas?",
            replies: [
              {
                by: "nuria.ferrer",
                hours: 6,
                body: "Pedimos siempre un ejemplo concreto para cada puntuación baja. Si no hay ejemplo, la puntuación no cuenta. Y la formadora revisa los comentarios antes de compartirlos.",
                reactions: { helpful: ["javier.morales", "montserrat.puig"] },
                replies: [
                  {
                    by: "laura.gomez",
                    hours: 24,
                    body: "Hicimos lo mismo en Madrid el curso pasado y los conflictos bajaron muchísimo. Javier, te paso nuestra plantilla.",
                    reactions: { thanks: ["javier.morales"] },
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        by: "alejandro.sanchez",
        hours: 26,
        body: "Otra idea: revisar el historial de Git y las tarjetas del tablero Kanban con cada equipo a mitad de proyecto, no solo al final. Así los problemas salen antes de la evaluación.",
        reactions: { "same-here": ["diego.castro"], helpful: ["javier.morales"] },
      },
    ],
  },

  // ── 12. A mobility question (Spanish) ──────────────────────────────
  {
    category: "mobility-questions",
    tags: ["language-barrier"],
    language: "es",
    by: "carmen.ruiz",
    daysAgo: 8,
    title: "¿Alguien ha hecho una movilidad en Bucarest o en Cluj?",
    body: "Me gustaría solicitar una movilidad en Simplon Rumanía el próximo semestre. ¿Qué tal la experiencia? ¿En qué idioma se imparten las clases? ¿Hace falta hablar rumano?",
    replies: [
      {
        by: "mihaela.ionescu",
        hours: 5,
        body: "¡Hola, Carmen! Soy Mihaela y me ocupo de la acogida en Bucarest. Las clases son en rumano, pero todo el mundo lee documentación en inglés, y muchos cursantes entienden algo de español gracias a las series 😄 No hace falta hablar rumano: preparamos los talleres en inglés con un formador local.",
        reactions: { thanks: ["carmen.ruiz"], helpful: ["ioana.dumitrescu", "carmen.ruiz"] },
        replies: [
          {
            by: "carmen.ruiz",
            hours: 2,
            body: "¡Qué bien! ¿Y cuánto dura normalmente una movilidad?",
            replies: [
              {
                by: "mihaela.ionescu",
                hours: 4,
                body: "Entre una y tres semanas. Yo recomiendo dos: la primera para observar y conocer al grupo, la segunda para dar tus propios talleres.",
                reactions: { helpful: ["carmen.ruiz"] },
              },
            ],
          },
        ],
      },
      {
        by: "rocio.jimenez",
        hours: 28,
        body: "Yo estuve en Cluj hace un año: ciudad preciosa, equipo muy acogedor y un nivel técnico altísimo en Java. ¡Te la recomiendo!",
        reactions: { helpful: ["carmen.ruiz"], "same-here": ["alexandra.munteanu"] },
      },
    ],
  },

  // ── 13. Learners solving everything with ChatGPT (Romanian) ────────
  {
    category: "classroom-situations",
    tags: ["cheating", "evaluation"],
    language: "ro",
    by: "elena.stoica",
    daysAgo: 11,
    title: "Cursanți care rezolvă toate exercițiile cu ChatGPT: ce faceți?",
    body: `Bună tuturor,

În grupa mea de Java, câțiva cursanți predau exerciții perfecte, dar nu pot explica nicio linie de cod când îi întreb. Nu vreau să interzic instrumentele de inteligență artificială — oricum le vor folosi la locul de muncă — dar vreau să fiu sigură că învață ceva.

Cum abordați situația? Aveți reguli clare pentru folosirea AI în formare?`,
    accepted: "explain-orally",
    replies: [
      {
        key: "explain-orally",
        by: "radu.constantin",
        hours: 4,
        body: "La Cluj am introdus o regulă simplă: **orice cod predat trebuie explicat oral în două minute**. Poți folosi AI, dar dacă nu poți explica, exercițiul nu este validat. Cursanții au înțeles repede că AI-ul este un ajutor, nu un înlocuitor.",
        reactions: { helpful: ["elena.stoica", "andrei.popescu", "ioana.dumitrescu"], thanks: ["elena.stoica"] },
        replies: [
          {
            by: "elena.stoica",
            hours: 3,
            body: "Îmi place ideea. Nu durează prea mult, cu o grupă de 16 persoane?",
            replies: [
              {
                by: "radu.constantin",
                hours: 5,
                body: "Nu verificăm fiecare exercițiu: alegem la întâmplare trei-patru persoane pe zi. Faptul că oricine poate fi ales este suficient.",
                reactions: { helpful: ["elena.stoica"] },
                replies: [
                  {
                    by: "andrei.popescu",
                    hours: 22,
                    body: "Facem la fel la București și am adăugat o sesiune pe săptămână în care scriem cod fără niciun asistent, doar cu documentația oficială.",
                    reactions: { "same-here": ["radu.constantin"], helpful: ["elena.stoica"] },
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        by: "cristina.marinescu",
        hours: 26,
        body: "Eu le cer să păstreze un jurnal cu întrebările pe care le pun AI-ului. Apoi discutăm împreună care întrebări au fost bune. Devine un exercițiu despre cum înveți, nu despre cum copiezi.",
        reactions: { helpful: ["elena.stoica"], "same-here": ["stefan.georgescu"] },
      },
    ],
  },

  // ── 14. Hybrid days (with a reply its author deleted) ──────────────
  {
    category: "pedagogy",
    tags: ["remote-hybrid", "motivation"],
    language: "en",
    by: "laura.gomez",
    daysAgo: 4,
    title: "Hybrid days: remote learners feel like second-class participants",
    body: "Since September we've run two remote days a week. The feedback from our last survey is clear: remote learners feel forgotten when half the group is in the room. They can't hear side discussions, and I often forget to check the chat. What has worked for you?",
    replies: [
      {
        by: "bram.wouters",
        hours: 6,
        body: "Two rules that helped us at BeCode Ghent: on hybrid days **everyone joins the call from their own laptop**, even in the room (with headphones), and questions only go through one channel. It feels odd for in-room learners at first, but it puts everyone on the same level.",
        reactions: { helpful: ["laura.gomez", "sofie.mertens"], "same-here": ["marta.alvarez"] },
        replies: [
          {
            by: "laura.gomez",
            hours: 4,
            body: "Doesn't the room get terribly quiet?",
            replies: [
              {
                by: "bram.wouters",
                hours: 3,
                body: "A bit, yes 😄 We keep in-room time for pair work and use the call for plenary moments only.",
              },
            ],
          },
        ],
      },
      {
        by: "marta.alvarez",
        hours: 20,
        body: "We assign a \"remote buddy\" in the room each day: one in-room learner who watches the chat and voices remote questions. It rotates, and it's surprisingly effective.",
        reactions: { helpful: ["laura.gomez", "bram.wouters"] },
      },
      {
        by: "sergio.romero",
        hours: 30,
        deleted: true,
        body: "Honestly, we just stopped doing hybrid days.",
        replies: [
          {
            by: "laura.gomez",
            hours: 2,
            body: "Not an option for us, sadly — it's written into the funding agreement. But I'll bring the question to our team meeting.",
          },
        ],
      },
    ],
  },

  // ── 15. A fresh question, not answered yet ─────────────────────────
  {
    category: "tech-and-tools",
    tags: ["evaluation"],
    language: "fr",
    by: "oceane.perrin",
    daysAgo: 1,
    title: "Un outil de quiz sans création de compte pour les apprenant·es ?",
    body: "Je cherche un outil de quiz en ligne utilisable sans que les apprenant·es aient à créer de compte (RGPD oblige), idéalement open source et hébergeable par la fabrique. Vous utilisez quoi ?",
    replies: [],
  },

  // ── 16. Newcomer learners and written instructions ────────────────
  {
    category: "inclusion-support",
    tags: ["refugees-newcomers", "language-barrier"],
    language: "fr",
    by: "arnaud.collignon",
    daysAgo: 3,
    title: "Apprenant·es allophones : adapter les consignes sans infantiliser",
    body: "Un tiers de ma promo à Liège est arrivé en Belgique il y a moins de deux ans. Le niveau technique est là, mais les consignes écrites posent problème : phrases longues, implicites, vocabulaire administratif. Comment adaptez-vous vos briefs sans tomber dans un français « simplifié » qui infantilise ?",
    accepted: "plain-briefs",
    replies: [
      {
        key: "plain-briefs",
        by: "mehdi.elamrani",
        hours: 3,
        body: `Trois habitudes qui m'aident :

- une consigne = une phrase = un verbe d'action (« Créez », « Affichez », « Testez ») ;
- un exemple du résultat attendu (capture ou maquette) en haut du brief ;
- un glossaire technique commun, enrichi par les apprenant·es elles-mêmes et eux-mêmes, dans toutes leurs langues.

Ce n'est pas infantilisant : c'est simplement de la bonne rédaction technique, et tout le groupe en profite.`,
        reactions: { helpful: ["arnaud.collignon", "julie.lemaire", "fatou.diallo", "nadia.benchekroun"], thanks: ["arnaud.collignon"] },
        replies: [
          {
            by: "arnaud.collignon",
            hours: 4,
            body: "Le glossaire multilingue, c'est une super idée. Vous le tenez où ?",
            replies: [
              {
                by: "mehdi.elamrani",
                hours: 2,
                body: "Dans un simple tableau partagé, une colonne par langue. Les apprenant·es le complètent à tour de rôle pendant le rituel du matin.",
                reactions: { thanks: ["arnaud.collignon"] },
              },
            ],
          },
        ],
      },
      {
        by: "pieter.vandenbroeck",
        hours: 22,
        body: "Chez BeCode Bruxelles, on accepte aussi que les apprenant·es posent leurs questions dans la langue de leur choix pendant les ateliers en petit groupe : un·e pair traduit. Ça libère énormément la parole.",
        reactions: { "same-here": ["sofie.mertens"], helpful: ["arnaud.collignon"] },
      },
    ],
  },
];

/**
 * Bench-scale text: each post is two or three of these sentences, so that full-text search sees realistic
 * vocabulary. Every French sentence names « apprenant·e(s) » and every English one "learner(s)", so the common
 * word matches most posts. Plain text only (no markup, no ampersand or angle bracket): it is also the HTML.
 */
export const scaleSentencesFr = [
  "Un apprenant décroche depuis la semaine 6 et ne rend plus ses briefs.",
  "Les apprenants travaillent en binôme sur un projet de groupe de trois semaines.",
  "Une apprenante a proposé de présenter le travail de son équipe à la promo.",
  "J'organise un entretien individuel avec chaque apprenant avant la fin du module.",
  "Le niveau des apprenants est très hétérogène depuis le début de la formation.",
  "Nous avons mis en place un rituel du matin pour que chaque apprenant annonce son objectif.",
  "La recherche de stage pèse sur le moral des apprenantes et des apprenants.",
  "Un apprenant a découvert git cette semaine et il a fait son premier commit.",
  "Les apprenants en reconversion ont parfois des contraintes familiales fortes.",
  "Chaque apprenante explique une partie du code pendant la démonstration finale.",
  "Nous avons adapté les consignes écrites pour les apprenants allophones.",
  "Le formateur a revu l'évaluation pour valoriser le travail de chaque apprenant.",
  "Un apprenant en situation de handicap utilise un lecteur d'écran au quotidien.",
  "Les apprenants de l'école ont visité une entreprise partenaire mardi.",
  "La chargée d'insertion reçoit chaque apprenant pour préparer les entretiens.",
  "Le conflit dans l'équipe s'est apaisé quand chaque apprenante a eu un rôle clair.",
  "On a testé les exercices en paliers : les apprenants avancés ne s'ennuient plus.",
  "Une apprenante m'a demandé des ressources en plus pour progresser en JavaScript.",
];

export const scaleSentencesEn = [
  "One learner has stopped handing in the weekly briefs since week six.",
  "The learners work in pairs on a three-week group project.",
  "A learner offered to present her team's work to the whole cohort.",
  "I hold a one-to-one meeting with each learner before the end of the module.",
  "The levels of the learners are very mixed since the start of the programme.",
  "We started a morning ritual where every learner shares one goal for the day.",
  "The internship search weighs heavily on the learners' morale.",
  "A learner discovered git this week and made her first commit.",
  "Career changers among our learners often juggle family constraints.",
  "Each learner explains one part of the code during the final demo.",
  "We rewrote the written instructions so that newcomer learners can follow them.",
  "A learner who is blind uses a screen reader every day in class.",
];

export const scaleTitlesFr = [
  "Un apprenant décroche en milieu de formation",
  "Conflit dans un projet de groupe",
  "Niveaux hétérogènes dans la promo",
  "Enseigner git à des débutants",
  "Motivation pendant la recherche de stage",
  "Évaluer un projet d'équipe",
  "Accueillir un nouveau formateur",
  "Préparer une mobilité dans un autre centre",
];

export const scaleTitlesEn = [
  "A learner is dropping out mid-programme",
  "Conflict in a group project",
  "Mixed levels in the cohort",
  "Teaching git to beginners",
  "Keeping motivation during the internship search",
  "Assessing a team project",
  "Onboarding a new trainer",
  "Preparing a mobility at another centre",
];

/** The rare word: it appears in this sentence only, added to a handful of scale posts. */
export const scaleRareSentence = "Pour le rituel du matin, une formatrice a apporté un xylophone.";
