import { paragraphs } from '../blocks';

/** The home page and the global settings (single types). */
export const homePage = {
  heroTitle: 'Dialogue territorial',
  heroText:
    'Contribuer à redessiner collaborativement des territoires d’envie dans l’Hérault et le Gard, et plus largement en Occitanie, telle est notre ambition.',
  intro: paragraphs(
    'Le dialogue territorial a vocation à construire un processus de questionnement dont la finalité est d’améliorer l’usage du monde. Il permet une meilleure valorisation des ressources dans leurs spécificités locales en conciliant des besoins différenciés.',
    'Il engage l’élaboration de solutions consenties, au plus près du terrain. Il développe le pouvoir d’agir des acteurs locaux.',
  ),
  featuredOffers: [
    'dialogue-territorial',
    'atelier-de-dialogue-territorial',
    'outiller-le-debat-public',
    'culture-de-dialogue',
    'dialogue-conflictuel-en-situation-de-crise',
  ],
  featuredMediaItems: [
    'rapport-convention-citoyenne-clermont-ferrand-2022',
    'voyage-apprenant-syribt-2022',
  ],
};

// Contact and legal fields are unknown from the site text: staff fill them in the admin.
export const global = {
  siteName: 'Déjà-là',
  tagline: 'Dialogue territorial dans l’Hérault, le Gard et en Occitanie',
  footerText: 'Déjà-là est cofondatrice de l’École de dialogue territorial, impulsée par Geyser.',
  publisherName: 'Déjà-là',
  defaultSeo: {
    metaTitle: 'Déjà-là — dialogue territorial',
    metaDescription:
      'Déjà-là conçoit et anime des dispositifs de dialogue territorial, de médiation et de formation dans l’Hérault, le Gard et en Occitanie.',
  },
};
