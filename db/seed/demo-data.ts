/**
 * Demo seed data for Digital Compass.
 *
 * Fictional trainers, hosts and leads across the network: Simplon fabriques
 * (France, Romania), Factoria F5 (Spain) and BeCode (Belgium).
 * All people are invented; centre cities and coordinates are real.
 */

export type DemoCentre = {
  id: string;
  name: string;
  organisation: "Simplon" | "Factoria F5" | "BeCode";
  city: string;
  country: "FR" | "RO" | "ES" | "BE";
  lat: number;
  lng: number;
  languages: string[];
  specialities: string[];
  description: { fr: string; en: string };
};

export type DemoLanguageLevel = "A1" | "A2" | "B1" | "B2" | "C1" | "C2" | "native";

export type DemoPerson = {
  email: string;
  name: string;
  handle: string;
  role: "trainer" | "host" | "lead" | "admin";
  centreId: string;
  locale: "fr" | "en";
  languages: { code: string; level: DemoLanguageLevel }[];
  skills: string[];
  bio: string;
  openToMobility: boolean;
};

export const demoCentres: DemoCentre[] = [
  // ── Simplon — France ──────────────────────────────────────────────
  {
    id: "simplon-montreuil", name: "Simplon Montreuil", organisation: "Simplon", city: "Montreuil", country: "FR",
    lat: 48.8638, lng: 2.4485, languages: ["fr", "en"], specialities: ["web-development", "digital-inclusion", "data-ai"],
    description: {
      fr: "Fabrique historique du réseau Simplon, elle forme des personnes éloignées de l'emploi aux métiers du développement web et de la data.",
      en: "The historic fabrique of the Simplon network, training people far from employment for web development and data jobs.",
    },
  },
  {
    id: "simplon-paris", name: "Simplon Paris", organisation: "Simplon", city: "Paris", country: "FR",
    lat: 48.8566, lng: 2.3522, languages: ["fr", "en"], specialities: ["web-development", "java", "devops-cloud"],
    description: {
      fr: "Fabrique parisienne proposant des parcours intensifs en développement web, Java et cloud, souvent en alternance avec des entreprises partenaires.",
      en: "Paris fabrique offering intensive tracks in web development, Java and cloud, often as work-study programmes with partner companies.",
    },
  },
  {
    id: "simplon-lyon", name: "Simplon Lyon", organisation: "Simplon", city: "Lyon", country: "FR",
    lat: 45.7640, lng: 4.8357, languages: ["fr", "en"], specialities: ["data-ai", "web-development"],
    description: {
      fr: "Fabrique lyonnaise spécialisée dans les formations data et intelligence artificielle, ouverte aux personnes en reconversion.",
      en: "Lyon fabrique focused on data and artificial intelligence training, open to career changers.",
    },
  },
  {
    id: "simplon-marseille", name: "Simplon Marseille", organisation: "Simplon", city: "Marseille", country: "FR",
    lat: 43.2965, lng: 5.3698, languages: ["fr", "en"], specialities: ["web-development", "digital-inclusion"],
    description: {
      fr: "Fabrique marseillaise qui accompagne les habitant·es des quartiers vers les métiers du numérique grâce à une pédagogie active.",
      en: "Marseille fabrique helping local residents into digital jobs through active, project-based learning.",
    },
  },
  {
    id: "simplon-lille", name: "Simplon Lille", organisation: "Simplon", city: "Lille", country: "FR",
    lat: 50.6292, lng: 3.0573, languages: ["fr", "en", "nl"], specialities: ["java", "web-development"],
    description: {
      fr: "Fabrique des Hauts-de-France formant des développeur·ses web et Java, en lien étroit avec les employeurs de la région.",
      en: "Hauts-de-France fabrique training web and Java developers in close contact with regional employers.",
    },
  },
  {
    id: "simplon-toulouse", name: "Simplon Toulouse", organisation: "Simplon", city: "Toulouse", country: "FR",
    lat: 43.6047, lng: 1.4442, languages: ["fr", "en", "es"], specialities: ["cybersecurity", "devops-cloud"],
    description: {
      fr: "Fabrique toulousaine proposant des parcours en cybersécurité et administration cloud pour des publics en reconversion.",
      en: "Toulouse fabrique offering cybersecurity and cloud administration tracks for career changers.",
    },
  },
  {
    id: "simplon-nantes", name: "Simplon Nantes", organisation: "Simplon", city: "Nantes", country: "FR",
    lat: 47.2184, lng: -1.5536, languages: ["fr", "en"], specialities: ["web-development", "ux-ui"],
    description: {
      fr: "Fabrique nantaise formant aux métiers du développement web et du design d'interface, avec une attention forte à l'accessibilité.",
      en: "Nantes fabrique training web developers and interface designers, with a strong focus on accessibility.",
    },
  },
  {
    id: "simplon-grenoble", name: "Simplon Grenoble", organisation: "Simplon", city: "Grenoble", country: "FR",
    lat: 45.1885, lng: 5.7245, languages: ["fr", "en"], specialities: ["data-ai", "web-development"],
    description: {
      fr: "Fabrique grenobloise proposant des formations data et développement au cœur d'un bassin d'emploi technologique.",
      en: "Grenoble fabrique offering data and development training in a strong tech employment area.",
    },
  },
  {
    id: "simplon-rennes", name: "Simplon Rennes", organisation: "Simplon", city: "Rennes", country: "FR",
    lat: 48.1173, lng: -1.6778, languages: ["fr", "en"], specialities: ["web-development", "low-code"],
    description: {
      fr: "Fabrique bretonne formant des développeur·ses web et des profils low-code pour les entreprises et associations locales.",
      en: "Brittany fabrique training web developers and low-code profiles for local companies and non-profits.",
    },
  },
  {
    id: "simplon-strasbourg", name: "Simplon Strasbourg", organisation: "Simplon", city: "Strasbourg", country: "FR",
    lat: 48.5734, lng: 7.7521, languages: ["fr", "de", "en"], specialities: ["web-development", "digital-inclusion"],
    description: {
      fr: "Fabrique alsacienne tournée vers l'inclusion numérique, avec des liens réguliers vers les partenaires transfrontaliers.",
      en: "Alsace fabrique focused on digital inclusion, with regular links to cross-border partners.",
    },
  },
  {
    id: "simplon-bordeaux", name: "Simplon Bordeaux", organisation: "Simplon", city: "Bordeaux", country: "FR",
    lat: 44.8378, lng: -0.5792, languages: ["fr", "en"], specialities: ["devops-cloud", "web-development"],
    description: {
      fr: "Fabrique bordelaise proposant des parcours en développement web et en DevOps, construits avec des entreprises du territoire.",
      en: "Bordeaux fabrique offering web development and DevOps tracks designed with local companies.",
    },
  },
  {
    id: "simplon-montpellier", name: "Simplon Montpellier", organisation: "Simplon", city: "Montpellier", country: "FR",
    lat: 43.6108, lng: 3.8767, languages: ["fr", "en"], specialities: ["web-development", "digital-inclusion"],
    description: {
      fr: "Fabrique montpelliéraine qui mise sur l'accompagnement socio-professionnel pour amener des débutant·es vers le développement web.",
      en: "Montpellier fabrique relying on social and career support to bring beginners into web development.",
    },
  },
  {
    id: "simplon-nice", name: "Simplon Nice", organisation: "Simplon", city: "Nice", country: "FR",
    lat: 43.7102, lng: 7.2620, languages: ["fr", "en", "it"], specialities: ["web-development", "data-ai"],
    description: {
      fr: "Fabrique azuréenne formant aux métiers du web et de la data, en lien avec l'écosystème technologique de la Côte d'Azur.",
      en: "Riviera fabrique training for web and data jobs, connected to the Côte d'Azur tech ecosystem.",
    },
  },
  {
    id: "simplon-clermont-ferrand", name: "Simplon Clermont-Ferrand", organisation: "Simplon", city: "Clermont-Ferrand", country: "FR",
    lat: 45.7772, lng: 3.0870, languages: ["fr", "en"], specialities: ["ux-ui", "low-code", "digital-inclusion"],
    description: {
      fr: "Fabrique auvergnate proposant des formations courtes en design d'interface et outils low-code pour des publics variés.",
      en: "Auvergne fabrique offering short courses in interface design and low-code tools for diverse learners.",
    },
  },
  // ── Simplon — Romania ─────────────────────────────────────────────
  {
    id: "simplon-bucharest", name: "Simplon Bucharest", organisation: "Simplon", city: "Bucharest", country: "RO",
    lat: 44.4268, lng: 26.1025, languages: ["ro", "en"], specialities: ["java", "web-development", "digital-inclusion"],
    description: {
      fr: "Fabrique roumaine du réseau Simplon, elle forme des personnes en reconversion au développement Java et web.",
      en: "The Romanian fabrique of the Simplon network, training career changers in Java and web development.",
    },
  },
  {
    id: "simplon-cluj-napoca", name: "Simplon Cluj-Napoca", organisation: "Simplon", city: "Cluj-Napoca", country: "RO",
    lat: 46.7712, lng: 23.6236, languages: ["ro", "en", "hu"], specialities: ["data-ai", "java"],
    description: {
      fr: "Antenne transylvanienne de Simplon Roumanie, centrée sur la data et le développement Java.",
      en: "Transylvanian branch of Simplon Romania, focused on data and Java development.",
    },
  },
  // ── Factoria F5 — Spain ───────────────────────────────────────────
  {
    id: "factoria-f5-madrid", name: "Factoria F5 Madrid", organisation: "Factoria F5", city: "Madrid", country: "ES",
    lat: 40.4168, lng: -3.7038, languages: ["es", "en"], specialities: ["web-development", "data-ai", "devops-cloud"],
    description: {
      fr: "Centre madrilène de Factoria F5, qui propose des bootcamps gratuits en développement web, data et cloud.",
      en: "Factoria F5's Madrid centre, running free bootcamps in web development, data and cloud.",
    },
  },
  {
    id: "factoria-f5-barcelona", name: "Factoria F5 Barcelona", organisation: "Factoria F5", city: "Barcelona", country: "ES",
    lat: 41.3874, lng: 2.1686, languages: ["es", "ca", "en"], specialities: ["web-development", "ux-ui", "data-ai"],
    description: {
      fr: "Centre barcelonais de Factoria F5, où les formations se déroulent en castillan et en catalan.",
      en: "Factoria F5's Barcelona centre, where courses run in Spanish and Catalan.",
    },
  },
  {
    id: "factoria-f5-asturias", name: "Factoria F5 Asturias", organisation: "Factoria F5", city: "Gijón", country: "ES",
    lat: 43.5322, lng: -5.6611, languages: ["es", "en"], specialities: ["data-ai", "web-development"],
    description: {
      fr: "Centre asturien de Factoria F5 à Gijón, tourné vers l'intelligence artificielle et le développement web.",
      en: "Factoria F5's Asturian centre in Gijón, focused on artificial intelligence and web development.",
    },
  },
  {
    id: "factoria-f5-bilbao", name: "Factoria F5 Bilbao", organisation: "Factoria F5", city: "Bilbao", country: "ES",
    lat: 43.2630, lng: -2.9350, languages: ["es", "eu", "en"], specialities: ["java", "devops-cloud"],
    description: {
      fr: "Centre basque de Factoria F5 proposant des parcours Java et cloud pour des personnes en recherche d'emploi.",
      en: "Factoria F5's Basque centre offering Java and cloud tracks for job seekers.",
    },
  },
  {
    id: "factoria-f5-sevilla", name: "Factoria F5 Sevilla", organisation: "Factoria F5", city: "Sevilla", country: "ES",
    lat: 37.3891, lng: -5.9845, languages: ["es", "en"], specialities: ["web-development", "digital-inclusion"],
    description: {
      fr: "Centre sévillan de Factoria F5, centré sur le développement web et l'inclusion numérique en Andalousie.",
      en: "Factoria F5's Seville centre, focused on web development and digital inclusion in Andalusia.",
    },
  },
  {
    id: "factoria-f5-malaga", name: "Factoria F5 Málaga", organisation: "Factoria F5", city: "Málaga", country: "ES",
    lat: 36.7213, lng: -4.4214, languages: ["es", "en"], specialities: ["web-development", "cybersecurity"],
    description: {
      fr: "Centre de Factoria F5 à Málaga, proposant des formations en développement web et en cybersécurité.",
      en: "Factoria F5's Málaga centre, offering web development and cybersecurity courses.",
    },
  },
  {
    id: "factoria-f5-valencia", name: "Factoria F5 Valencia", organisation: "Factoria F5", city: "Valencia", country: "ES",
    lat: 39.4699, lng: -0.3763, languages: ["es", "ca", "en"], specialities: ["java", "data-ai"],
    description: {
      fr: "Centre valencien de Factoria F5, qui forme au développement Java et à l'analyse de données.",
      en: "Factoria F5's Valencia centre, training in Java development and data analysis.",
    },
  },
  {
    id: "factoria-f5-zaragoza", name: "Factoria F5 Zaragoza", organisation: "Factoria F5", city: "Zaragoza", country: "ES",
    lat: 41.6488, lng: -0.8891, languages: ["es", "en"], specialities: ["web-development", "low-code"],
    description: {
      fr: "Centre aragonais de Factoria F5 proposant des parcours web et low-code pour des publics en reconversion.",
      en: "Factoria F5's Aragon centre offering web and low-code tracks for career changers.",
    },
  },
  // ── BeCode — Belgium ──────────────────────────────────────────────
  {
    id: "becode-brussels", name: "BeCode Brussels", organisation: "BeCode", city: "Brussels", country: "BE",
    lat: 50.8503, lng: 4.3517, languages: ["fr", "nl", "en"], specialities: ["web-development", "data-ai", "devops-cloud"],
    description: {
      fr: "Campus bruxellois de BeCode, où des promotions multilingues apprennent en autonomie accompagnée par des coachs.",
      en: "BeCode's Brussels campus, where multilingual cohorts learn through coached self-directed learning.",
    },
  },
  {
    id: "becode-antwerp", name: "BeCode Antwerp", organisation: "BeCode", city: "Antwerp", country: "BE",
    lat: 51.2194, lng: 4.4025, languages: ["nl", "en"], specialities: ["web-development", "java"],
    description: {
      fr: "Campus anversois de BeCode, proposant des formations web et Java principalement en néerlandais et en anglais.",
      en: "BeCode's Antwerp campus, offering web and Java training mainly in Dutch and English.",
    },
  },
  {
    id: "becode-ghent", name: "BeCode Ghent", organisation: "BeCode", city: "Ghent", country: "BE",
    lat: 51.0543, lng: 3.7174, languages: ["nl", "en"], specialities: ["data-ai", "web-development"],
    description: {
      fr: "Campus gantois de BeCode, orienté data et intelligence artificielle.",
      en: "BeCode's Ghent campus, focused on data and artificial intelligence.",
    },
  },
  {
    id: "becode-liege", name: "BeCode Liège", organisation: "BeCode", city: "Liège", country: "BE",
    lat: 50.6326, lng: 5.5797, languages: ["fr", "en"], specialities: ["web-development", "cybersecurity"],
    description: {
      fr: "Campus liégeois de BeCode, qui forme aux métiers du web et de la cybersécurité en Wallonie.",
      en: "BeCode's Liège campus, training for web and cybersecurity jobs in Wallonia.",
    },
  },
  {
    id: "becode-charleroi", name: "BeCode Charleroi", organisation: "BeCode", city: "Charleroi", country: "BE",
    lat: 50.4108, lng: 4.4446, languages: ["fr", "en"], specialities: ["web-development", "java", "digital-inclusion"],
    description: {
      fr: "Campus carolo de BeCode, qui accompagne des demandeur·ses d'emploi vers le développement web et Java.",
      en: "BeCode's Charleroi campus, supporting job seekers into web and Java development.",
    },
  },
];

export const demoPeople: DemoPerson[] = [
  // ── Demo accounts (order matters) ─────────────────────────────────
  {
    email: "admin@demo.compass", name: "Sophie Lefèvre", handle: "sophie.lefevre", role: "admin", centreId: "simplon-montreuil", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "en", level: "C1" }, { code: "es", level: "B1" }],
    skills: ["pedagogy", "agile", "soft-skills", "git"],
    bio: "Coordinatrice pédagogique du réseau Simplon, j'administre le Digital Compass et j'accompagne les fabriques dans leurs échanges. Ancienne développeuse PHP, je reste très attachée à la pédagogie active.",
    openToMobility: false,
  },
  {
    email: "lead@demo.compass", name: "Karim Benali", handle: "karim.benali", role: "lead", centreId: "simplon-paris", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "ar", level: "B2" }, { code: "en", level: "C1" }],
    skills: ["pedagogy", "agile", "career-coaching", "javascript"],
    bio: "Responsable pédagogique pour les fabriques d'Île-de-France, j'anime la communauté des formateur·rices et le programme de mobilité européenne. J'ai été formateur JavaScript pendant cinq ans.",
    openToMobility: true,
  },
  {
    email: "host.madrid@demo.compass", name: "Lucía Fernández Ortega", handle: "lucia.fernandez", role: "host", centreId: "factoria-f5-madrid", locale: "en",
    languages: [{ code: "es", level: "native" }, { code: "en", level: "C1" }, { code: "fr", level: "B1" }],
    skills: ["pedagogy", "mediation", "agile", "soft-skills"],
    bio: "Coordino la acogida de formadores en Factoria F5 Madrid y me aseguro de que cada estancia de movilidad tenga un plan claro. Vengo de la educación social y creo en el bootcamp como herramienta de inclusión.",
    openToMobility: false,
  },
  {
    email: "host.brussels@demo.compass", name: "Pieter Van den Broeck", handle: "pieter.vandenbroeck", role: "host", centreId: "becode-brussels", locale: "en",
    languages: [{ code: "nl", level: "native" }, { code: "fr", level: "C2" }, { code: "en", level: "C1" }, { code: "de", level: "A2" }],
    skills: ["mediation", "pedagogy", "javascript", "soft-skills"],
    bio: "Ik coördineer het onthaal van trainers bij BeCode Brussel en begeleid hen tijdens hun mobiliteit. Daarvoor was ik zelf coach in onze trajecten voor junior webontwikkelaars.",
    openToMobility: false,
  },
  {
    email: "trainer.paris@demo.compass", name: "Camille Martin", handle: "camille.martin", role: "trainer", centreId: "simplon-paris", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "en", level: "B2" }, { code: "es", level: "A2" }],
    skills: ["javascript", "react", "git", "pedagogy", "accessibility"],
    bio: "Formatrice en développement web chez Simplon Paris, j'accompagne des apprenant·es en reconversion vers les métiers du front-end. J'aime construire des projets concrets autour de l'accessibilité numérique.",
    openToMobility: true,
  },
  {
    email: "trainer.bucharest@demo.compass", name: "Andrei Popescu", handle: "andrei.popescu", role: "trainer", centreId: "simplon-bucharest", locale: "en",
    languages: [{ code: "ro", level: "native" }, { code: "en", level: "C1" }, { code: "fr", level: "B1" }],
    skills: ["java", "sql", "git", "docker"],
    bio: "Sunt formator Java la Simplon România și lucrez cu cursanți care se reorientează spre programare. Îmi place să construiesc proiecte în echipă care seamănă cu munca reală dintr-o companie.",
    openToMobility: true,
  },
  {
    email: "trainer.lyon@demo.compass", name: "Hélène Rousseau", handle: "helene.rousseau", role: "trainer", centreId: "simplon-lyon", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "en", level: "C1" }, { code: "it", level: "B1" }],
    skills: ["python", "data-analysis", "sql", "pedagogy"],
    bio: "Formatrice data et IA à Simplon Lyon, j'ai d'abord été analyste avant de me tourner vers la transmission. J'aime rendre les statistiques accessibles à des personnes qui n'ont jamais codé.",
    openToMobility: true,
  },

  // ── Admins & leads ────────────────────────────────────────────────
  {
    email: "amelie.dubois@demo.compass", name: "Amélie Dubois", handle: "amelie.dubois", role: "admin", centreId: "becode-brussels", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "nl", level: "B2" }, { code: "en", level: "C1" }],
    skills: ["git", "docker", "agile", "soft-skills"],
    bio: "Je gère les outils numériques de BeCode et l'administration de la plateforme côté belge. Je fais le lien entre le campus de Bruxelles et ceux de Wallonie et de Flandre.",
    openToMobility: false,
  },
  {
    email: "montserrat.puig@demo.compass", name: "Montserrat Puig i Serra", handle: "montserrat.puig", role: "lead", centreId: "factoria-f5-barcelona", locale: "en",
    languages: [{ code: "ca", level: "native" }, { code: "es", level: "C2" }, { code: "en", level: "C1" }, { code: "fr", level: "B2" }],
    skills: ["pedagogy", "agile", "career-coaching", "ux"],
    bio: "Dirijo el equipo pedagógico de Factoria F5 en Barcelona y coordino los proyectos europeos de la fundación. Antes fui formadora de desarrollo web durante cinco años.",
    openToMobility: true,
  },
  {
    email: "elke.janssens@demo.compass", name: "Elke Janssens", handle: "elke.janssens", role: "lead", centreId: "becode-antwerp", locale: "en",
    languages: [{ code: "nl", level: "native" }, { code: "en", level: "C1" }, { code: "fr", level: "B2" }],
    skills: ["pedagogy", "soft-skills", "agile", "mediation"],
    bio: "Als pedagogisch verantwoordelijke voor de Vlaamse campussen van BeCode ondersteun ik de coaches in Antwerpen en Gent. Ik geloof sterk in leren door te doen en in peer learning.",
    openToMobility: false,
  },
  {
    email: "ioana.dumitrescu@demo.compass", name: "Ioana Dumitrescu", handle: "ioana.dumitrescu", role: "lead", centreId: "simplon-bucharest", locale: "en",
    languages: [{ code: "ro", level: "native" }, { code: "en", level: "C2" }, { code: "fr", level: "C1" }],
    skills: ["pedagogy", "career-coaching", "agile", "java"],
    bio: "Coordonez echipa pedagogică a Simplon România, la București și Cluj-Napoca. Mă ocup de recrutarea formatorilor și de schimburile cu celelalte fabrici din rețea.",
    openToMobility: true,
  },

  // ── Hosts ─────────────────────────────────────────────────────────
  {
    email: "yasmina.haddad@demo.compass", name: "Yasmina Haddad", handle: "yasmina.haddad", role: "host", centreId: "simplon-marseille", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "ar", level: "C1" }, { code: "en", level: "B2" }],
    skills: ["mediation", "career-coaching", "soft-skills", "pedagogy"],
    bio: "Chargée d'accueil et d'insertion à Simplon Marseille, je reçois les formateur·rices en mobilité et je les présente à nos partenaires locaux. Je suis passionnée par la médiation numérique.",
    openToMobility: false,
  },
  {
    email: "maxime.delattre@demo.compass", name: "Maxime Delattre", handle: "maxime.delattre", role: "host", centreId: "simplon-lille", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "en", level: "B2" }, { code: "nl", level: "A2" }],
    skills: ["pedagogy", "java", "agile", "soft-skills"],
    bio: "Responsable de la fabrique de Lille, j'organise l'accueil des formateur·rices venu·es d'autres pays. Notre proximité avec la Belgique rend les échanges avec BeCode particulièrement naturels.",
    openToMobility: false,
  },
  {
    email: "mihaela.ionescu@demo.compass", name: "Mihaela Ionescu", handle: "mihaela.ionescu", role: "host", centreId: "simplon-bucharest", locale: "en",
    languages: [{ code: "ro", level: "native" }, { code: "en", level: "C1" }, { code: "es", level: "B1" }],
    skills: ["mediation", "soft-skills", "career-coaching"],
    bio: "Mă ocup de primirea formatorilor veniți în mobilitate la Simplon București, de la logistică până la integrarea în echipă. Îmi place să le arăt orașul și comunitatea noastră tech.",
    openToMobility: false,
  },
  {
    email: "jordi.vilanova@demo.compass", name: "Jordi Vilanova", handle: "jordi.vilanova", role: "host", centreId: "factoria-f5-barcelona", locale: "en",
    languages: [{ code: "ca", level: "native" }, { code: "es", level: "C2" }, { code: "en", level: "B2" }],
    skills: ["pedagogy", "javascript", "mediation", "agile"],
    bio: "Soy el responsable de acogida de Factoria F5 Barcelona. Acompaño a los formadores visitantes durante su estancia y les ayudo a entender cómo trabajamos en un entorno bilingüe catalán-castellano.",
    openToMobility: false,
  },
  {
    email: "lien.desmet@demo.compass", name: "Lien De Smet", handle: "lien.desmet", role: "host", centreId: "becode-ghent", locale: "en",
    languages: [{ code: "nl", level: "native" }, { code: "en", level: "C1" }, { code: "fr", level: "B1" }],
    skills: ["mediation", "python", "soft-skills", "pedagogy"],
    bio: "Ik ben campusverantwoordelijke bij BeCode Gent en ontvang graag trainers uit het netwerk. Samen met de coaches zorg ik dat elke bezoeker snel kan meedraaien in een lopende opleiding.",
    openToMobility: false,
  },
  {
    email: "laurent.fabre@demo.compass", name: "Laurent Fabre", handle: "laurent.fabre", role: "host", centreId: "simplon-toulouse", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "es", level: "B2" }, { code: "en", level: "B1" }],
    skills: ["pedagogy", "docker", "mediation", "agile"],
    bio: "Responsable de la fabrique toulousaine, j'accueille avec plaisir des formateur·rices de Factoria F5 et d'ailleurs. Je veille à ce que chaque mobilité débouche sur un partage de pratiques concret.",
    openToMobility: false,
  },

  // ── Trainers — France ─────────────────────────────────────────────
  {
    email: "thomas.girard@demo.compass", name: "Thomas Girard", handle: "thomas.girard", role: "trainer", centreId: "simplon-montreuil", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "en", level: "C1" }],
    skills: ["javascript", "php", "sql", "git"],
    bio: "Formateur développeur web full-stack à Montreuil depuis quatre ans. J'aime faire travailler les apprenant·es en binôme sur des projets pour des associations du quartier.",
    openToMobility: true,
  },
  {
    email: "nadia.benchekroun@demo.compass", name: "Nadia Benchekroun", handle: "nadia.benchekroun", role: "trainer", centreId: "simplon-montreuil", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "ar", level: "B2" }, { code: "en", level: "B2" }],
    skills: ["ux", "accessibility", "pedagogy", "javascript"],
    bio: "Designeuse UX devenue formatrice, j'enseigne la conception centrée utilisateur et l'accessibilité. Je crois qu'un bon produit numérique commence par l'écoute de celles et ceux qui l'utiliseront.",
    openToMobility: true,
  },
  {
    email: "lucas.bernard@demo.compass", name: "Lucas Bernard", handle: "lucas.bernard", role: "trainer", centreId: "simplon-paris", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "en", level: "C1" }, { code: "de", level: "B1" }],
    skills: ["docker", "git", "python", "devops"],
    bio: "Formateur DevOps et cloud à Simplon Paris, après dix ans comme administrateur système. J'aide les apprenant·es à automatiser leurs déploiements dès les premières semaines.",
    openToMobility: false,
  },
  {
    email: "benoit.marchand@demo.compass", name: "Benoît Marchand", handle: "benoit.marchand", role: "trainer", centreId: "simplon-paris", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "en", level: "C1" }, { code: "ro", level: "A2" }],
    skills: ["java", "sql", "agile", "git"],
    bio: "Formateur Java en alternance, j'accompagne des promotions qui alternent entre la fabrique et l'entreprise. J'apprends le roumain en espérant faire une mobilité à Bucarest.",
    openToMobility: true,
  },
  {
    email: "manon.petit@demo.compass", name: "Manon Petit", handle: "manon.petit", role: "trainer", centreId: "simplon-lyon", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "en", level: "B2" }, { code: "es", level: "B1" }],
    skills: ["javascript", "react", "agile", "pedagogy"],
    bio: "Ancienne apprenante Simplon devenue formatrice, je connais de l'intérieur les doutes d'une reconversion. J'enseigne React et les méthodes agiles à Lyon.",
    openToMobility: true,
  },
  {
    email: "antoine.mercier@demo.compass", name: "Antoine Mercier", handle: "antoine.mercier", role: "trainer", centreId: "simplon-marseille", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "en", level: "B1" }, { code: "it", level: "A2" }],
    skills: ["php", "sql", "javascript", "git"],
    bio: "Développeur PHP pendant huit ans en agence, je forme aujourd'hui des développeur·ses web à Marseille. J'insiste beaucoup sur la lecture de code et la documentation.",
    openToMobility: false,
  },
  {
    email: "ines.garcia@demo.compass", name: "Inès Garcia", handle: "ines.garcia", role: "trainer", centreId: "simplon-marseille", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "es", level: "C1" }, { code: "en", level: "B2" }],
    skills: ["python", "data-analysis", "soft-skills", "sql"],
    bio: "Formatrice data à Marseille, j'aime partir de jeux de données locaux pour donner du sens aux exercices. Je parle espagnol en famille et rêve d'une mobilité à Séville.",
    openToMobility: true,
  },
  {
    email: "elodie.lambert@demo.compass", name: "Élodie Lambert", handle: "elodie.lambert", role: "trainer", centreId: "simplon-lille", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "en", level: "C1" }, { code: "nl", level: "B1" }],
    skills: ["java", "sql", "agile", "pedagogy"],
    bio: "Formatrice Java à Lille, je travaille beaucoup en pédagogie par projet avec des entreprises partenaires. Je pratique le néerlandais et j'aimerais découvrir les campus flamands de BeCode.",
    openToMobility: true,
  },
  {
    email: "romain.fontaine@demo.compass", name: "Romain Fontaine", handle: "romain.fontaine", role: "trainer", centreId: "simplon-toulouse", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "en", level: "B2" }, { code: "es", level: "B2" }],
    skills: ["cybersecurity", "docker", "python", "git"],
    bio: "Formateur en cybersécurité à Toulouse, j'organise régulièrement des challenges de type CTF avec les apprenant·es. Avant, j'étais analyste SOC.",
    openToMobility: true,
  },
  {
    email: "claire.morel@demo.compass", name: "Claire Morel", handle: "claire.morel", role: "trainer", centreId: "simplon-nantes", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "en", level: "C1" }, { code: "de", level: "A2" }],
    skills: ["ux", "accessibility", "javascript", "pedagogy"],
    bio: "Formatrice en design d'interface et intégration web à Nantes. Je fais tester les maquettes des apprenant·es par de vrais utilisateur·rices, y compris des personnes en situation de handicap.",
    openToMobility: false,
  },
  {
    email: "mathieu.chevalier@demo.compass", name: "Mathieu Chevalier", handle: "mathieu.chevalier", role: "trainer", centreId: "simplon-nantes", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "en", level: "B2" }],
    skills: ["java", "git", "docker", "sql"],
    bio: "Formateur back-end à Nantes, je fais découvrir Java et les bonnes pratiques de versionnement. J'aime que chaque promotion termine avec une application réellement déployée.",
    openToMobility: false,
  },
  {
    email: "aurelie.blanc@demo.compass", name: "Aurélie Blanc", handle: "aurelie.blanc", role: "trainer", centreId: "simplon-grenoble", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "en", level: "C1" }, { code: "it", level: "B2" }],
    skills: ["python", "data-analysis", "sql", "pedagogy"],
    bio: "Docteure en statistiques reconvertie dans la formation, j'enseigne l'analyse de données et le machine learning à Grenoble. Je veille à ce que les notions mathématiques restent concrètes.",
    openToMobility: true,
  },
  {
    email: "yannick.legoff@demo.compass", name: "Yannick Le Goff", handle: "yannick.legoff", role: "trainer", centreId: "simplon-rennes", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "en", level: "B2" }, { code: "es", level: "A2" }],
    skills: ["javascript", "react", "low-code", "pedagogy"],
    bio: "Formateur web et low-code à Rennes, je travaille avec des apprenant·es venu·es de métiers très variés. J'aime montrer qu'on peut créer des outils utiles sans tout coder à la main.",
    openToMobility: true,
  },
  {
    email: "lea.schmitt@demo.compass", name: "Léa Schmitt", handle: "lea.schmitt", role: "trainer", centreId: "simplon-strasbourg", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "de", level: "C1" }, { code: "en", level: "B2" }],
    skills: ["php", "sql", "accessibility", "mediation"],
    bio: "Formatrice développement web à Strasbourg, je m'intéresse particulièrement à l'inclusion numérique des personnes éloignées de l'emploi. Je suis bilingue français-allemand.",
    openToMobility: true,
  },
  {
    email: "sebastien.roux@demo.compass", name: "Sébastien Roux", handle: "sebastien.roux", role: "trainer", centreId: "simplon-bordeaux", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "en", level: "C1" }, { code: "es", level: "B1" }],
    skills: ["docker", "python", "git", "devops"],
    bio: "Formateur DevOps à Bordeaux, je viens du monde de l'hébergement web. Je mets l'accent sur l'automatisation et la culture de la collaboration entre développement et exploitation.",
    openToMobility: false,
  },
  {
    email: "fatou.diallo@demo.compass", name: "Fatou Diallo", handle: "fatou.diallo", role: "trainer", centreId: "simplon-montpellier", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "wo", level: "C1" }, { code: "en", level: "B2" }],
    skills: ["soft-skills", "career-coaching", "javascript", "pedagogy"],
    bio: "Formatrice et chargée d'insertion à Montpellier, j'accompagne les apprenant·es aussi bien sur le code que sur la recherche d'emploi. J'anime des ateliers de prise de parole en public.",
    openToMobility: true,
  },
  {
    email: "guillaume.faure@demo.compass", name: "Guillaume Faure", handle: "guillaume.faure", role: "trainer", centreId: "simplon-nice", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "it", level: "B2" }, { code: "en", level: "B2" }],
    skills: ["javascript", "react", "git", "agile"],
    bio: "Développeur front-end passé par plusieurs start-up niçoises, je forme désormais au développement web. J'aime organiser des revues de code bienveillantes en fin de sprint.",
    openToMobility: false,
  },
  {
    email: "oceane.perrin@demo.compass", name: "Océane Perrin", handle: "oceane.perrin", role: "trainer", centreId: "simplon-clermont-ferrand", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "en", level: "B1" }],
    skills: ["ux", "low-code", "pedagogy", "soft-skills"],
    bio: "Formatrice en design d'interface et outils no-code à Clermont-Ferrand. J'accompagne surtout des femmes en reconversion qui découvrent le numérique.",
    openToMobility: true,
  },

  // ── Trainers — Romania ────────────────────────────────────────────
  {
    email: "stefan.georgescu@demo.compass", name: "Ștefan Georgescu", handle: "stefan.georgescu", role: "trainer", centreId: "simplon-bucharest", locale: "en",
    languages: [{ code: "ro", level: "native" }, { code: "en", level: "C1" }, { code: "de", level: "B1" }],
    skills: ["docker", "python", "git", "devops"],
    bio: "Predau DevOps și cloud la Simplon București, după câțiva ani ca inginer de sistem. Le arăt cursanților cum să-și automatizeze munca încă din primele săptămâni.",
    openToMobility: true,
  },
  {
    email: "elena.stoica@demo.compass", name: "Elena Stoica", handle: "elena.stoica", role: "trainer", centreId: "simplon-bucharest", locale: "en",
    languages: [{ code: "ro", level: "native" }, { code: "en", level: "B2" }, { code: "fr", level: "B2" }],
    skills: ["javascript", "react", "ux", "git"],
    bio: "Sunt formatoare de front-end și îmi place să combin codul cu designul de interfață. Lucrez mai ales cu femei care vor să intre în domeniul IT.",
    openToMobility: true,
  },
  {
    email: "cristina.marinescu@demo.compass", name: "Cristina Marinescu", handle: "cristina.marinescu", role: "trainer", centreId: "simplon-bucharest", locale: "fr",
    languages: [{ code: "ro", level: "native" }, { code: "fr", level: "C1" }, { code: "en", level: "B2" }],
    skills: ["soft-skills", "career-coaching", "pedagogy", "mediation"],
    bio: "Sunt formatoare de competențe transversale și consilier de carieră la Simplon România. Pregătesc cursanții pentru interviuri și pentru lucrul în echipă.",
    openToMobility: true,
  },
  {
    email: "radu.constantin@demo.compass", name: "Radu Constantin", handle: "radu.constantin", role: "trainer", centreId: "simplon-cluj-napoca", locale: "en",
    languages: [{ code: "ro", level: "native" }, { code: "en", level: "C1" }, { code: "hu", level: "B1" }],
    skills: ["java", "sql", "agile", "git"],
    bio: "Am lucrat zece ani ca dezvoltator Java în Cluj înainte să devin formator. Acum încerc să transmit cursanților atât tehnica, cât și obiceiurile bune din proiectele reale.",
    openToMobility: false,
  },
  {
    email: "alexandra.munteanu@demo.compass", name: "Alexandra Munteanu", handle: "alexandra.munteanu", role: "trainer", centreId: "simplon-cluj-napoca", locale: "en",
    languages: [{ code: "ro", level: "native" }, { code: "en", level: "C1" }, { code: "it", level: "A2" }],
    skills: ["python", "data-analysis", "sql", "pedagogy"],
    bio: "Predau analiza datelor și Python la Cluj-Napoca. Îmi place să folosesc date publice românești ca să fac exercițiile mai apropiate de realitatea cursanților.",
    openToMobility: true,
  },

  // ── Trainers — Spain ──────────────────────────────────────────────
  {
    email: "javier.morales@demo.compass", name: "Javier Morales", handle: "javier.morales", role: "trainer", centreId: "factoria-f5-madrid", locale: "en",
    languages: [{ code: "es", level: "native" }, { code: "en", level: "C1" }],
    skills: ["python", "data-analysis", "sql", "git"],
    bio: "Formador de inteligencia artificial en Factoria F5 Madrid. Antes trabajé como científico de datos en una consultora y ahora disfruto viendo a mis coders construir sus primeros modelos.",
    openToMobility: true,
  },
  {
    email: "alejandro.sanchez@demo.compass", name: "Alejandro Sánchez", handle: "alejandro.sanchez", role: "trainer", centreId: "factoria-f5-madrid", locale: "en",
    languages: [{ code: "es", level: "native" }, { code: "en", level: "C1" }, { code: "fr", level: "B1" }],
    skills: ["docker", "git", "python", "devops"],
    bio: "Formador de DevOps y cloud en Madrid. Me gusta que el alumnado despliegue sus proyectos desde la primera semana para perderle el miedo a la terminal.",
    openToMobility: true,
  },
  {
    email: "laura.gomez@demo.compass", name: "Laura Gómez Prieto", handle: "laura.gomez", role: "trainer", centreId: "factoria-f5-madrid", locale: "en",
    languages: [{ code: "es", level: "native" }, { code: "en", level: "C1" }, { code: "fr", level: "B2" }],
    skills: ["accessibility", "pedagogy", "mediation", "javascript"],
    bio: "Formadora de desarrollo web y referente de accesibilidad en Factoria F5. Acompaño sobre todo a mujeres y personas migrantes que se inician en la programación.",
    openToMobility: true,
  },
  {
    email: "nuria.ferrer@demo.compass", name: "Núria Ferrer", handle: "nuria.ferrer", role: "trainer", centreId: "factoria-f5-barcelona", locale: "en",
    languages: [{ code: "ca", level: "native" }, { code: "es", level: "C2" }, { code: "en", level: "C1" }],
    skills: ["ux", "accessibility", "javascript", "react"],
    bio: "Soy formadora de diseño UX y front-end en Barcelona. Doy clase en catalán y castellano y me encanta organizar sesiones de test con usuarios reales.",
    openToMobility: false,
  },
  {
    email: "marta.alvarez@demo.compass", name: "Marta Álvarez", handle: "marta.alvarez", role: "trainer", centreId: "factoria-f5-asturias", locale: "en",
    languages: [{ code: "es", level: "native" }, { code: "en", level: "B2" }, { code: "pt", level: "A2" }],
    skills: ["php", "sql", "javascript", "git"],
    bio: "Formadora de desarrollo web en Gijón, con experiencia previa en una agencia local. Me interesa mucho la pedagogía activa y el aprendizaje entre iguales.",
    openToMobility: true,
  },
  {
    email: "sergio.romero@demo.compass", name: "Sergio Romero", handle: "sergio.romero", role: "trainer", centreId: "factoria-f5-asturias", locale: "en",
    languages: [{ code: "es", level: "native" }, { code: "en", level: "C1" }],
    skills: ["python", "docker", "data-analysis", "sql"],
    bio: "Formador del bootcamp de inteligencia artificial en Asturias. Vengo de la ingeniería industrial y me gusta plantear retos con datos de empresas de la región.",
    openToMobility: false,
  },
  {
    email: "inigo.etxeberria@demo.compass", name: "Íñigo Etxeberria", handle: "inigo.etxeberria", role: "trainer", centreId: "factoria-f5-bilbao", locale: "en",
    languages: [{ code: "eu", level: "native" }, { code: "es", level: "C2" }, { code: "en", level: "B2" }],
    skills: ["java", "docker", "git", "agile"],
    bio: "Formador de Java y cloud en Bilbao. Trabajé años como desarrollador backend en la industria vasca y ahora intento transmitir buenas prácticas desde el primer día.",
    openToMobility: true,
  },
  {
    email: "carmen.ruiz@demo.compass", name: "Carmen Ruiz Delgado", handle: "carmen.ruiz", role: "trainer", centreId: "factoria-f5-sevilla", locale: "en",
    languages: [{ code: "es", level: "native" }, { code: "en", level: "B2" }, { code: "fr", level: "A2" }],
    skills: ["javascript", "react", "pedagogy", "soft-skills"],
    bio: "Formadora de desarrollo web en Sevilla y antigua coder de Factoria F5. Sé lo que cuesta empezar de cero y por eso cuido mucho el ambiente del grupo.",
    openToMobility: true,
  },
  {
    email: "rocio.jimenez@demo.compass", name: "Rocío Jiménez", handle: "rocio.jimenez", role: "trainer", centreId: "factoria-f5-malaga", locale: "en",
    languages: [{ code: "es", level: "native" }, { code: "en", level: "B2" }, { code: "de", level: "A2" }],
    skills: ["soft-skills", "career-coaching", "mediation", "pedagogy"],
    bio: "Formadora de competencias transversales y empleabilidad en Málaga. Preparo al alumnado para entrevistas técnicas y les acompaño en su primer empleo.",
    openToMobility: false,
  },
  {
    email: "pablo.navarro@demo.compass", name: "Pablo Navarro", handle: "pablo.navarro", role: "trainer", centreId: "factoria-f5-valencia", locale: "en",
    languages: [{ code: "es", level: "native" }, { code: "ca", level: "C1" }, { code: "en", level: "B2" }],
    skills: ["java", "sql", "agile", "git"],
    bio: "Formador de Java en Valencia, con experiencia en el sector bancario. Me gusta trabajar con metodologías ágiles reales, con sprints, retrospectivas y demos.",
    openToMobility: true,
  },
  {
    email: "aitana.soler@demo.compass", name: "Aitana Soler", handle: "aitana.soler", role: "trainer", centreId: "factoria-f5-valencia", locale: "en",
    languages: [{ code: "ca", level: "native" }, { code: "es", level: "C2" }, { code: "en", level: "B1" }],
    skills: ["python", "data-analysis", "sql"],
    bio: "Formadora de análisis de datos en Valencia. Me encanta ver cómo personas sin experiencia técnica acaban contando historias con sus propios datos.",
    openToMobility: true,
  },
  {
    email: "diego.castro@demo.compass", name: "Diego Castro", handle: "diego.castro", role: "trainer", centreId: "factoria-f5-zaragoza", locale: "en",
    languages: [{ code: "es", level: "native" }, { code: "en", level: "B1" }, { code: "fr", level: "B1" }],
    skills: ["javascript", "php", "low-code", "git"],
    bio: "Formador de desarrollo web y herramientas low-code en Zaragoza. Me interesa conocer cómo trabajan las fabriques de Simplon en Francia.",
    openToMobility: true,
  },

  // ── Trainers — Belgium ────────────────────────────────────────────
  {
    email: "mehdi.elamrani@demo.compass", name: "Mehdi El Amrani", handle: "mehdi.elamrani", role: "trainer", centreId: "becode-brussels", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "ar", level: "C1" }, { code: "nl", level: "B2" }, { code: "en", level: "C1" }],
    skills: ["docker", "python", "devops", "git"],
    bio: "Coach DevOps chez BeCode Bruxelles, j'accompagne des learners de toutes origines dans leur apprentissage du cloud. Je jongle tous les jours entre le français, le néerlandais et l'anglais.",
    openToMobility: true,
  },
  {
    email: "sofie.mertens@demo.compass", name: "Sofie Mertens", handle: "sofie.mertens", role: "trainer", centreId: "becode-brussels", locale: "en",
    languages: [{ code: "nl", level: "native" }, { code: "fr", level: "C1" }, { code: "en", level: "C2" }],
    skills: ["ux", "accessibility", "soft-skills", "javascript"],
    bio: "Ik ben coach UX en front-end bij BeCode Brussel. Ik help learners om gebruiksvriendelijke en toegankelijke interfaces te bouwen en om hun werk goed te presenteren.",
    openToMobility: false,
  },
  {
    email: "sarah.vermeulen@demo.compass", name: "Sarah Vermeulen", handle: "sarah.vermeulen", role: "trainer", centreId: "becode-antwerp", locale: "en",
    languages: [{ code: "nl", level: "native" }, { code: "en", level: "C1" }, { code: "fr", level: "B1" }],
    skills: ["javascript", "react", "git", "agile"],
    bio: "Als coach webontwikkeling bij BeCode Antwerpen begeleid ik learners die vaak nog nooit geprogrammeerd hebben. Ik geloof in leren door samen te bouwen.",
    openToMobility: true,
  },
  {
    email: "wout.jacobs@demo.compass", name: "Wout Jacobs", handle: "wout.jacobs", role: "trainer", centreId: "becode-antwerp", locale: "en",
    languages: [{ code: "nl", level: "native" }, { code: "en", level: "C1" }, { code: "fr", level: "A2" }],
    skills: ["java", "git", "agile", "sql"],
    bio: "Java-coach bij BeCode Antwerpen, na een loopbaan als backendontwikkelaar in de logistiek. Ik laat learners graag werken aan echte cases van partnerbedrijven.",
    openToMobility: false,
  },
  {
    email: "bram.wouters@demo.compass", name: "Bram Wouters", handle: "bram.wouters", role: "trainer", centreId: "becode-ghent", locale: "en",
    languages: [{ code: "nl", level: "native" }, { code: "en", level: "C1" }, { code: "fr", level: "B2" }],
    skills: ["python", "data-analysis", "sql", "pedagogy"],
    bio: "Ik coach het AI- en datatraject bij BeCode Gent. Ik vind het belangrijk dat learners niet alleen modellen bouwen, maar ook hun beperkingen en ethische vragen begrijpen.",
    openToMobility: true,
  },
  {
    email: "julie.lemaire@demo.compass", name: "Julie Lemaire", handle: "julie.lemaire", role: "trainer", centreId: "becode-liege", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "en", level: "B2" }, { code: "nl", level: "A2" }, { code: "de", level: "A2" }],
    skills: ["php", "javascript", "pedagogy", "soft-skills"],
    bio: "Coach en développement web chez BeCode Liège, je suis moi-même passée par une reconversion. J'aime créer un climat de confiance où l'erreur fait partie de l'apprentissage.",
    openToMobility: true,
  },
  {
    email: "arnaud.collignon@demo.compass", name: "Arnaud Collignon", handle: "arnaud.collignon", role: "trainer", centreId: "becode-liege", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "en", level: "C1" }, { code: "de", level: "B1" }],
    skills: ["cybersecurity", "python", "docker", "git"],
    bio: "Coach cybersécurité à Liège, j'ai travaillé plusieurs années en audit de sécurité. Je fais pratiquer les learners sur des environnements vulnérables construits pour l'occasion.",
    openToMobility: false,
  },
  {
    email: "olivier.renard@demo.compass", name: "Olivier Renard", handle: "olivier.renard", role: "trainer", centreId: "becode-charleroi", locale: "fr",
    languages: [{ code: "fr", level: "native" }, { code: "en", level: "B2" }],
    skills: ["java", "sql", "git", "mediation"],
    bio: "Coach Java à Charleroi, j'accompagne des demandeur·ses d'emploi de la région vers leur premier poste de développeur·se. Avant, je travaillais dans l'informatique industrielle.",
    openToMobility: true,
  },
];
