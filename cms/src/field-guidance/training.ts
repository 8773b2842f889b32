import { common } from './shared';
import type { Guidance } from './types';

// Labels follow the information a training body must publish (Qualiopi, indicateur 1).
export const trainingGuidance: Guidance = {
  title: { ...common.title, placeholder: 'Animer un dispositif de dialogue territorial' },
  slug: common.slug,
  summary: common.summary,
  objectives: {
    label: 'Objectifs pédagogiques',
    description: 'Ce que les stagiaires sauront faire à l’issue de la formation (liste).',
  },
  audience: {
    label: 'Public visé',
    description: 'Ex. : techniciens, animateurs, agents et élus de collectivités.',
  },
  prerequisites: { label: 'Prérequis', description: 'Écrire « Aucun » s’il n’y en a pas.' },
  duration: {
    label: 'Durée',
    description: 'En jours et en heures.',
    placeholder: '2 jours (14 heures)',
  },
  accessConditions: {
    label: 'Modalités d’accès',
    description: 'Comment s’inscrire : formulaire, entretien préalable, convention…',
  },
  accessLeadTime: {
    label: 'Délai d’accès',
    description: 'Délai entre la demande et le début de la formation.',
    placeholder: '15 jours avant le début de la session',
  },
  price: {
    label: 'Tarif',
    description:
      'Prix et mention HT/TTC, ou « sur devis ». Laisser vide tant qu’il n’est pas fixé.',
  },
  contact: {
    label: 'Contact',
    description: 'Personne à joindre pour s’inscrire ou se renseigner (nom, courriel, téléphone).',
  },
  teachingMethods: {
    label: 'Méthodes mobilisées',
    description: 'Apports, ateliers, études de cas, mises en situation…',
  },
  assessmentMethods: {
    label: 'Modalités d’évaluation',
    description: 'Comment les acquis sont évalués (quiz, mise en situation, auto-évaluation…).',
  },
  disabilityAccess: {
    label: 'Accessibilité aux personnes handicapées',
    description: 'Conditions d’accueil et contact du référent handicap.',
  },
  results: {
    label: 'Résultats',
    description: 'Indicateurs de résultat, ex. : taux de satisfaction, nombre de stagiaires.',
  },
  program: { label: 'Programme', description: 'Déroulé de la formation, séquence par séquence.' },
  sessions: {
    label: 'Sessions',
    description:
      'Une entrée par session : dates, lieu, modalité, places, état, lien d’inscription.',
  },
  themes: common.themes,
  cover: common.cover,
  seo: common.seo,
};
