import { paragraphs } from '../blocks';

/** The missions the site text names; what it does not say (commissioner, outcomes) stays empty. */
export const caseStudies = [
  {
    slug: 'voyage-apprenant-syribt',
    title: 'Voyage apprenant avec le syndicat de rivière SYRIBT',
    summary:
      'Un voyage apprenant organisé en 2022 avec le syndicat de rivière SYRIBT, pour favoriser la culture de dialogue autour de la rivière.',
    commissioner: 'Syndicat de rivière SYRIBT',
    year: 2022,
    context: paragraphs(
      'Des citoyens découvrent tardivement des enjeux ou des projets, quand le climat social est dégradé. De nombreux établissements choisissent au contraire de prendre soin de l’expérience citoyenne.',
    ),
    approach: paragraphs(
      'Un voyage apprenant : se qualifier entre pairs sur un sujet, sur le terrain.',
    ),
    themes: ['eau', 'participation-citoyenne'],
    territories: [],
    mediaItems: ['voyage-apprenant-syribt-2022'],
  },
  {
    slug: 'convention-citoyenne-de-clermont-ferrand',
    title: 'Convention citoyenne de Clermont-Ferrand',
    summary:
      'La convention citoyenne de Clermont-Ferrand (2022), dont le rapport a été rédigé par Elsa Bonal : outiller le débat public par un dispositif délibératif.',
    year: 2022,
    context: paragraphs(
      'Il y a une véritable demande sociale de participation à la gestion des communs ; nombreuses sont les collectivités qui se sont engagées en soutien de l’initiative citoyenne.',
    ),
    themes: ['participation-citoyenne'],
    territories: ['clermont-ferrand'],
    mediaItems: ['rapport-convention-citoyenne-clermont-ferrand-2022'],
  },
];
