import type { Guidance } from './types';

export const seoGuidance: Guidance = {
  metaTitle: {
    label: 'Titre pour les moteurs de recherche',
    description: '70 caractères au plus.',
  },
  metaDescription: {
    label: 'Description pour les moteurs de recherche',
    description: '160 caractères au plus.',
  },
  shareImage: {
    label: 'Image de partage',
    description:
      'Image montrée lors d’un partage sur les réseaux sociaux (1200 × 630 px), à la place de l’image de couverture.',
  },
  noIndex: {
    label: 'Ne pas référencer',
    description: 'Cocher pour demander aux moteurs de ne pas indexer la page.',
  },
};

export const authorGuidance: Guidance = {
  name: { label: 'Nom', placeholder: 'Elsa Bonal' },
  affiliation: { label: 'Structure', description: 'Facultatif : organisme ou fonction.' },
};

export const sessionGuidance: Guidance = {
  startDate: { label: 'Début' },
  endDate: { label: 'Fin', description: 'Laisser vide pour une session d’une journée.' },
  place: { label: 'Lieu', description: 'Ville et lieu, ou « En ligne ».' },
  mode: {
    label: 'Modalité',
    description: 'onsite = en présentiel, online = à distance, blended = mixte.',
  },
  seats: { label: 'Places', description: 'Nombre de places offertes.' },
  status: {
    label: 'État',
    description: 'open = inscriptions ouvertes, full = complet, cancelled = annulée.',
  },
  registrationUrl: {
    label: 'Lien d’inscription',
    description: 'Adresse du formulaire d’inscription, commençant par https://',
  },
};
