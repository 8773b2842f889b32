import { common } from './shared';
import type { Guidance } from './types';

export const mediaItemGuidance: Guidance = {
  title: { ...common.title, placeholder: 'Rapport de la convention citoyenne de Clermont-Ferrand' },
  slug: common.slug,
  type: {
    label: 'Type de ressource',
    description: 'Vidéo, article, rapport, podcast, photo ou publication.',
  },
  summary: common.summary,
  body: {
    label: 'Contenu',
    description: 'Texte de l’article, ou présentation détaillée de la ressource.',
  },
  year: {
    label: 'Année',
    description: 'Année de publication ; sert au filtre « année » de la recherche.',
  },
  publicationDate: {
    label: 'Date de publication',
    description: 'Facultatif : la date exacte, si elle est connue.',
  },
  authors: { label: 'Auteurs et autrices', description: 'Une entrée par personne.' },
  themes: common.themes,
  territories: common.territories,
  file: {
    label: 'Fichier joint',
    description:
      'Rapport ou publication à télécharger (PDF de préférence : la recherche lit son texte), ou fichier audio/vidéo.',
  },
  captions: {
    label: 'Sous-titres',
    description:
      'Pour une vidéo ou un podcast : fichier de sous-titres WebVTT (.vtt) ou SRT (.srt). Affichés dans le lecteur, lus par la recherche, qui renvoie au bon moment.',
  },
  transcript: {
    label: 'Transcription',
    description:
      'Pour une vidéo ou un podcast : le texte de l’enregistrement, affiché sous le lecteur (accessibilité) et lu par la recherche.',
  },
  externalUrl: {
    label: 'Lien externe',
    description:
      'Adresse de la vidéo (YouTube, Vimeo, PeerTube…), du podcast ou de l’article d’origine. Commence par https://',
    placeholder: 'https://',
  },
  durationMinutes: { label: 'Durée (minutes)', description: 'Pour les vidéos et podcasts.' },
  cover: common.cover,
  caseStudies: {
    label: 'Études de cas liées',
    description: 'Missions dont cette ressource rend compte.',
  },
  offers: { label: 'Offres liées', description: 'Offres que cette ressource illustre.' },
  seo: common.seo,
};
