import { MEDIA_TYPE_VALUES } from '@dejala/search/media-types';
import { heading, paragraph, type Block } from './blocks';
import type { SeedEntry } from './import';
import { themes } from './content/taxonomies';
import { createRandom, type Random } from './random';

/**
 * Synthetic médiathèque items for tests and benchmarks: realistic French titles, types,
 * themes, territories, years, authors and long bodies (~600 words), fully determined by
 * `seed`. Slugs start with "synthetique-" so they never collide with real content.
 */

/** Extra territories the synthetic items use, created only in synthetic mode. */
export const SYNTHETIC_TERRITORIES = [
  ['bassin-versant-de-l-orb', 'Bassin versant de l’Orb', 'bassin versant'],
  ['bassin-versant-du-lez', 'Bassin versant du Lez', 'bassin versant'],
  ['bassin-versant-du-gardon', 'Bassin versant du Gardon', 'bassin versant'],
  ['bassin-versant-de-l-herault', 'Bassin versant de l’Hérault', 'bassin versant'],
  ['montpellier', 'Montpellier', 'commune'],
  ['nimes', 'Nîmes', 'commune'],
  ['lodeve', 'Lodève', 'commune'],
  ['ales', 'Alès', 'commune'],
  ['beziers', 'Béziers', 'commune'],
  ['le-vigan', 'Le Vigan', 'commune'],
  ['montpellier-mediterranee-metropole', 'Montpellier Méditerranée Métropole', 'intercommunalité'],
  ['nimes-metropole', 'Nîmes Métropole', 'intercommunalité'],
  ['lodevois-et-larzac', 'Communauté de communes du Lodévois et Larzac', 'intercommunalité'],
  [
    'cevennes-gangeoises-et-sumenoises',
    'Communauté de communes des Cévennes gangeoises et suménoises',
    'intercommunalité',
  ],
  ['aude', 'Aude', 'département'],
  ['lozere', 'Lozère', 'département'],
].map(([slug, name, kind]) => ({
  slug: slug as string,
  name: name as string,
  kind: kind as string,
}));

const TERRITORY_SLUGS = [
  'occitanie',
  'herault',
  'gard',
  ...SYNTHETIC_TERRITORIES.map((t) => t.slug),
];
const THEME_SLUGS = themes.map((theme) => theme.slug);

const TYPES = MEDIA_TYPE_VALUES;
const TYPE_WEIGHTS = [0.18, 0.34, 0.16, 0.12, 0.08, 0.12];

const TITLE_OPENINGS: Record<(typeof TYPES)[number], string[]> = {
  vidéo: ['Regards croisés sur', 'En images :', 'Paroles d’acteurs :', 'Retour en vidéo sur'],
  article: ['Comprendre', 'Retour d’expérience :', 'Cinq enseignements sur', 'Pourquoi repenser'],
  rapport: [
    'Rapport d’évaluation :',
    'Synthèse de la concertation sur',
    'Diagnostic partagé :',
    'Bilan de',
  ],
  podcast: ['Épisode :', 'Conversation autour de', 'À l’écoute du territoire :', 'Entretien sur'],
  photo: ['Reportage photo :', 'Carnet de terrain :', 'Portraits :'],
  publication: [
    'Guide pratique :',
    'Cahier de l’École de dialogue territorial :',
    'Fiche méthode :',
  ],
};

const SUBJECTS = [
  'la gestion partagée de l’eau',
  'la concertation sur le risque inondation',
  'les usages de la forêt méditerranéenne',
  'le partage du foncier agricole',
  'la médiation dans les quartiers populaires',
  'la convention citoyenne',
  'les ateliers de dialogue territorial',
  'la restauration des rivières',
  'la coopération entre collectivités',
  'le débat public local',
  'les communs et leur gouvernance',
  'la biodiversité des espaces naturels',
  'la participation des habitants',
  'l’accueil des publics en milieu rural',
  'la sécheresse et le partage de la ressource',
  'les territoires apprenants',
];

const PLACES = [
  'dans l’Hérault',
  'dans le Gard',
  'en Occitanie',
  'sur le bassin de l’Orb',
  'dans les Cévennes',
  'sur le littoral languedocien',
  'autour de l’étang de Thau',
  'dans le Lodévois',
  'en garrigue',
];

const FIRST_NAMES = [
  'Camille',
  'Lucie',
  'Julien',
  'Mathilde',
  'Thomas',
  'Inès',
  'Nicolas',
  'Claire',
  'Hugo',
  'Sarah',
  'Antoine',
  'Léa',
  'Marc',
  'Élodie',
  'Pierre',
  'Amélie',
  'Yannick',
  'Sophie',
];
const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Roux',
  'Fabre',
  'Vidal',
  'Blanc',
  'Garcia',
  'Fontaine',
  'Chevalier',
  'Mercier',
  'Bonnet',
  'Lambert',
  'Rouvière',
  'Castan',
  'Pujol',
  'Albaret',
  'Teissier',
  'Maurel',
];
const AFFILIATIONS = [
  'Déjà-là',
  'École de dialogue territorial',
  'Syndicat de bassin',
  'Conseil départemental',
  'Université de Montpellier',
  'Parc naturel régional',
  undefined,
  undefined,
];

export const SENTENCES = [
  'Le dialogue territorial engage un questionnement entre des personnes qui cultivent des attachements différenciés à leur territoire.',
  'Les parties prenantes ont d’abord clarifié leurs intérêts, parfois divergents, avant de reconnaître mutuellement leurs besoins.',
  'La démarche a réuni élus, techniciens, associations d’usagers et habitants autour d’une même table.',
  'Chaque atelier a permis de confronter les usages de la ressource et d’en dégager des critères partagés.',
  'Les services de l’État ont accompagné la démarche sans se substituer aux acteurs locaux.',
  'La concertation a duré plusieurs mois, rythmée par des ateliers, des visites de terrain et des temps de restitution.',
  'Un accord de gestion a été coconstruit, qui oriente désormais l’action par des normes acceptables et négociées.',
  'La défiance initiale envers les institutions a laissé place à une coopération plus sereine.',
  'Les professionnels ont pris le temps de se qualifier entre pairs sur le sujet, en croisant leurs pratiques.',
  'Les enjeux de sécheresse rendent plus urgent encore le partage équitable de l’eau entre agriculture, tourisme et milieux naturels.',
  'La médiation a permis de renouer le dialogue entre des acteurs qui ne se parlaient plus.',
  'Les habitants ont découvert des politiques publiques qu’ils ignoraient et qui les concernaient directement.',
  'Le syndicat de rivière a proposé un calendrier de travaux discuté avec les riverains.',
  'Les agents ont témoigné d’un pouvoir d’agir renforcé et d’une meilleure compréhension de l’action publique.',
  'La forêt accueille des usages multiples : production de bois, chasse, randonnée, pastoralisme et protection des sols.',
  'Le foncier agricole fait l’objet de tensions entre urbanisation, installation de jeunes agriculteurs et préservation des paysages.',
  'Des organes consultatifs associent désormais les citoyens à la gestion des biens communs.',
  'Une journée d’ateliers a réuni deux cents professionnels d’un même champ pour imaginer des services de qualité.',
  'La méthode s’appuie sur l’intelligence collective et sur des temps réflexifs animés par des professionnels formés.',
  'Le diagnostic partagé a mis en évidence des besoins différenciés selon les communes du bassin versant.',
  'Les cadres réglementaires pour la biodiversité ont été rappelés dès le début de la démarche.',
  'Les échanges ont fait émerger des propositions concrètes, hiérarchisées par les participants eux-mêmes.',
  'La restitution publique a permis de rendre compte des arbitrages et de leurs raisons.',
  'Ce retour d’expérience montre que l’innovation naît souvent d’une nouvelle façon de penser l’interdépendance.',
];

export const SECTION_TITLES = [
  'Contexte',
  'La démarche',
  'Ce que disent les acteurs',
  'Résultats',
  'Et après ?',
  'Enseignements',
];

function weightedType(random: Random): (typeof TYPES)[number] {
  let roll = random.next();
  for (let index = 0; index < TYPES.length; index += 1) {
    roll -= TYPE_WEIGHTS[index] as number;
    if (roll <= 0) return TYPES[index] as (typeof TYPES)[number];
  }
  return 'article';
}

function longBody(random: Random): Block[] {
  const blocks: Block[] = [];
  const sections = random.sample(SECTION_TITLES, random.int(3, 5));
  for (const title of sections) {
    blocks.push(heading(title));
    for (let p = random.int(2, 3); p > 0; p -= 1) {
      const sentences = Array.from({ length: random.int(3, 5) }, () => random.pick(SENTENCES));
      blocks.push(paragraph(sentences.join(' ')));
    }
  }
  return blocks;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The `count` synthetic items of `seed`, numbered from 1; item i is the same for any count ≥ i. */
export function generateSyntheticMediaItems(count: number, seed = 1): SeedEntry[] {
  const items: SeedEntry[] = [];
  for (let index = 1; index <= count; index += 1) {
    // One generator per item keeps item i independent of how many items are generated.
    const random = createRandom(seed * 1_000_003 + index);
    const type = weightedType(random);
    const subject = random.pick(SUBJECTS);
    const place = random.pick(PLACES);
    const title = `${random.pick(TITLE_OPENINGS[type])} ${subject} ${place}`;
    const year = random.int(2008, 2026);
    const hasDate = random.next() < 0.6;
    const month = String(random.int(1, 12)).padStart(2, '0');
    const day = String(random.int(1, 28)).padStart(2, '0');
    const authors = Array.from({ length: random.int(1, 3) }, () => {
      const affiliation = random.pick(AFFILIATIONS);
      return {
        name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
        ...(affiliation ? { affiliation } : {}),
      };
    });
    items.push({
      slug: `synthetique-${String(seed)}-${String(index).padStart(6, '0')}`,
      title: title.length > 200 ? title.slice(0, 200) : title,
      type,
      summary: capitalise(`${subject} ${place} : ${random.pick(SENTENCES).toLowerCase()}`).slice(
        0,
        600,
      ),
      body: longBody(random),
      year,
      ...(hasDate ? { publicationDate: `${year}-${month}-${day}` } : {}),
      authors,
      themes: random.sample(THEME_SLUGS, random.int(1, 3)),
      territories: random.sample(TERRITORY_SLUGS, random.int(0, 2)),
      ...(type === 'vidéo' || type === 'podcast' ? { durationMinutes: random.int(3, 90) } : {}),
    });
  }
  return items;
}
