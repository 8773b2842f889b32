import { paragraphs } from '../blocks';

/**
 * The médiathèque items the site text names. Only what the text says is filled in: no
 * invented dates, links or durations; editors complete them (year only where the text gives it).
 */
export const mediaItems = [
  {
    slug: 'rapport-convention-citoyenne-clermont-ferrand-2022',
    title: 'Rapport de la convention citoyenne de Clermont-Ferrand (2022)',
    type: 'rapport',
    year: 2022,
    summary:
      'Le rapport de la convention citoyenne de Clermont-Ferrand, rédigé par Elsa Bonal : un exemple de dispositif délibératif au service du débat public.',
    body: paragraphs(
      'En mobilisant les dispositifs délibératifs (consultations, concertations, coconstruction), la performance du service public se construit au moyen de systèmes apprenants, au cœur desquels les compétences des collaborateurs et des citoyens sont soutenues, reconnues et développées au moyen d’un dialogue sécurisé.',
      'Ce rapport rend compte de la convention citoyenne de Clermont-Ferrand, tenue en 2022.',
    ),
    authors: [{ name: 'Elsa Bonal' }],
    themes: ['participation-citoyenne'],
    territories: ['clermont-ferrand'],
  },
  {
    slug: 'voyage-apprenant-syribt-2022',
    title: 'Voyage apprenant avec le syndicat de rivière SYRIBT (2022)',
    type: 'article',
    year: 2022,
    summary:
      'Retour sur le voyage apprenant organisé avec le syndicat de rivière SYRIBT en 2022 : une démarche pour favoriser la culture de dialogue sur les territoires.',
    body: paragraphs(
      'Prendre le temps de se qualifier entre pairs sur un sujet inspire nos actions. Le voyage apprenant organisé avec le syndicat de rivière SYRIBT en 2022 en est un exemple.',
      'De nouvelles façons de penser l’interdépendance génèrent de l’innovation en cascade… pour des territoires apprenants !',
    ),
    themes: ['eau', 'participation-citoyenne'],
    territories: [],
  },
  {
    slug: 'atelier-de-dialogue-territorial-en-video',
    title: 'L’atelier de dialogue territorial en vidéo',
    type: 'vidéo',
    summary:
      'Un atelier territorial en images : 200 professionnels d’un même champ réunis sur une journée, après trois mois de conception avec une vingtaine d’entre eux.',
    body: paragraphs(
      'L’atelier territorial consiste à coconstruire avec une vingtaine de professionnels un événement participatif dédié à réunir 200 professionnels d’un même champ sur une journée.',
    ),
    themes: ['cooperation-territoriale'],
    territories: [],
  },
  {
    slug: 'ateliers-territoriaux-article-de-fond',
    title: 'Les ateliers territoriaux : article de fond',
    type: 'article',
    summary:
      'Pourquoi les ateliers de dialogue territorial sont de véritables processus de coopération : pratiques ordinaires, performance collective, prospective de services de qualité.',
    body: paragraphs(
      'Véritables processus de coopération, les ateliers de dialogue territorial œuvrent à améliorer les pratiques ordinaires d’actions et de coopération territoriale, à expérimenter des méthodes pour développer la performance collective et à amorcer la prospective de services de qualité.',
      'Le dispositif intègre une phase de conception sur mesure de l’événement avec les parties prenantes, sur une amplitude de trois mois, et une formation à l’animation d’ateliers réflexifs.',
    ),
    themes: ['cooperation-territoriale', 'formation'],
    territories: [],
  },
];
