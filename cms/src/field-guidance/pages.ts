import { common } from './shared';
import type { Guidance } from './types';

export const pageGuidance: Guidance = {
  title: { ...common.title, placeholder: 'La démarche' },
  slug: common.slug,
  summary: { ...common.summary, description: 'Facultatif : chapeau affiché sous le titre.' },
  body: common.body,
  seo: common.seo,
};

export const homePageGuidance: Guidance = {
  heroTitle: { label: 'Titre principal', description: 'Grand titre en haut de la page d’accueil.' },
  heroText: { label: 'Texte d’accroche', description: 'Un court paragraphe sous le titre.' },
  intro: { label: 'Introduction', description: 'Texte de présentation sous l’accroche.' },
  featuredOffers: { label: 'Offres mises en avant', description: 'Dans l’ordre d’affichage.' },
  featuredMediaItems: {
    label: 'Ressources mises en avant',
    description: 'Dans l’ordre d’affichage.',
  },
  seo: common.seo,
};

export const globalGuidance: Guidance = {
  siteName: { label: 'Nom du site' },
  tagline: { label: 'Signature', description: 'Phrase courte affichée avec le nom du site.' },
  contactEmail: { label: 'Courriel de contact' },
  contactPhone: { label: 'Téléphone' },
  address: { label: 'Adresse postale' },
  footerText: { label: 'Texte du pied de page' },
  publisherName: {
    label: 'Éditeur du site (raison sociale)',
    description: 'Pour les mentions légales.',
  },
  legalForm: { label: 'Forme juridique', description: 'Ex. : SARL, SCOP, association loi 1901.' },
  siret: { label: 'SIRET', description: '14 chiffres.' },
  publicationDirector: { label: 'Directeur ou directrice de la publication' },
  hostingProvider: {
    label: 'Hébergeur',
    description: 'Nom, adresse et téléphone de l’hébergeur du site.',
  },
  defaultSeo: {
    label: 'Référencement par défaut',
    description: 'Utilisé par les pages qui n’ont pas le leur.',
  },
};
