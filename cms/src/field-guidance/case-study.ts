import { common } from './shared';
import type { Guidance } from './types';

export const caseStudyGuidance: Guidance = {
  title: { ...common.title, placeholder: 'Voyage apprenant avec le syndicat de rivière' },
  slug: common.slug,
  summary: common.summary,
  commissioner: {
    label: 'Commanditaire',
    description: 'Structure qui a confié la mission (collectivité, syndicat, association…).',
  },
  year: { label: 'Année', description: 'Année de la mission (ou de son début).' },
  conflictLevel: {
    label: 'Niveau de conflictualité',
    description: 'Faible, moyen ou fort : la dimension conflictuelle de l’objet du dialogue.',
  },
  stakeholders: {
    label: 'Parties prenantes',
    description: 'Qui a participé : élus, services, associations, usagers, citoyens…',
  },
  context: { label: 'Contexte', description: 'La situation de départ et la demande.' },
  approach: { label: 'Démarche', description: 'Le dispositif mis en place, ses étapes.' },
  outcomes: {
    label: 'Résultats',
    description: 'Ce que la démarche a produit : accords, décisions, suites.',
  },
  themes: common.themes,
  territories: common.territories,
  mediaItems: {
    label: 'Ressources liées',
    description: 'Ressources de la médiathèque issues de cette mission.',
  },
  offers: { label: 'Offres liées', description: 'Offres mobilisées pour cette mission.' },
  cover: common.cover,
  seo: common.seo,
};
