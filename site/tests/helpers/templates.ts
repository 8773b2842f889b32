import { HOSTILE_SLUG, PODCAST_SLUG, REPORT_SLUG, TRAINING_SLUG, VIDEO_SLUG } from './cms-fixtures';

// One URL per template (and per médiathèque type), with what its main heading says.
export const TEMPLATES: Array<{ name: string; path: string; heading: RegExp }> = [
  { name: 'home', path: '/', heading: /Dialogue territorial/ },
  { name: 'offers', path: '/offres/', heading: /^Nos offres$/ },
  {
    name: 'offer',
    path: '/offres/atelier-de-dialogue-territorial/',
    heading: /atelier de dialogue territorial/i,
  },
  { name: 'trainings', path: '/formations/', heading: /École de dialogue territorial/ },
  {
    name: 'training',
    path: `/formations/${TRAINING_SLUG}/`,
    heading: /Se former au dialogue territorial/,
  },
  { name: 'mediatheque', path: '/mediatheque/', heading: /^Médiathèque$/ },
  { name: 'media-year', path: '/mediatheque/annees/2024/', heading: /^Médiathèque — 2024/ },
  {
    name: 'media-report',
    path: `/mediatheque/${REPORT_SLUG}/`,
    heading: /Rapport annuel avec fichier/,
  },
  {
    name: 'media-podcast',
    path: `/mediatheque/${PODCAST_SLUG}/`,
    heading: /Podcast de la rivière/,
  },
  {
    name: 'media-video',
    path: `/mediatheque/${VIDEO_SLUG}/`,
    heading: /Vidéo hébergée sur YouTube/,
  },
  {
    name: 'media-video-player',
    path: `/mediatheque/${VIDEO_SLUG}/lecture/`,
    heading: /Vidéo hébergée sur YouTube/,
  },
  { name: 'media-hostile', path: `/mediatheque/${HOSTILE_SLUG}/`, heading: /Fiche piégée/ },
  { name: 'case-studies', path: '/etudes-de-cas/', heading: /Études de cas/ },
  {
    name: 'case-study',
    path: '/etudes-de-cas/convention-citoyenne-de-clermont-ferrand/',
    heading: /Clermont-Ferrand/,
  },
  { name: 'free-page', path: '/la-demarche/', heading: /démarche/i },
  { name: 'legal', path: '/mentions-legales/', heading: /Mentions légales/ },
  { name: 'not-found', path: '/cette-page-n-existe-pas/', heading: /Page introuvable/ },
];
