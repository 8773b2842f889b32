import { common } from './shared';
import type { Guidance } from './types';

export const offerGuidance: Guidance = {
  title: { ...common.title, placeholder: 'L’atelier de dialogue territorial' },
  slug: common.slug,
  tagline: {
    label: 'Accroche',
    description: 'Une phrase sous le titre (160 caractères au plus).',
    placeholder: 'Coconstruire un événement participatif avec 200 professionnels',
  },
  summary: common.summary,
  body: common.body,
  audience: {
    label: 'Pour qui ?',
    description: 'Les publics visés : collectivités, syndicats, techniciens, élus…',
  },
  objectives: {
    label: 'Objectifs',
    description: 'Ce que l’offre permet d’atteindre, de préférence sous forme de liste.',
  },
  format: {
    label: 'Format',
    description:
      'Durée, étapes, modalités (ex. : conception sur trois mois, une journée d’ateliers).',
  },
  order: {
    label: 'Ordre d’affichage',
    description: 'Les offres sont listées par ordre croissant (0 en premier).',
  },
  themes: common.themes,
  mediaItems: {
    label: 'Ressources liées',
    description: 'Ressources de la médiathèque à montrer avec cette offre.',
  },
  caseStudies: {
    label: 'Études de cas liées',
    description: 'Missions qui illustrent cette offre.',
  },
  cover: common.cover,
  seo: common.seo,
};
