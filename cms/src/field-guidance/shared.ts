import type { FieldGuidance } from './types';

/** Fields that mean the same on every content type. */
export const common = {
  title: {
    label: 'Titre',
    description: 'Titre affiché en haut de la page et dans les listes. Court et explicite.',
  },
  slug: {
    label: 'Adresse de la page (slug)',
    description:
      'Fin de l’adresse web, en minuscules et sans accents, ex. : atelier-de-dialogue-territorial. Générée à partir du titre ; à ne plus changer une fois publiée (les liens existants casseraient).',
  },
  summary: {
    label: 'Résumé',
    description:
      'Deux ou trois phrases reprises dans les listes, les résultats de recherche et les partages.',
  },
  body: {
    label: 'Contenu',
    description: 'Texte principal de la page : intertitres, listes, liens, images.',
  },
  themes: {
    label: 'Thèmes',
    description:
      'Thématiques associées (eau, forêt, participation…), pour le classement et la recherche.',
  },
  territories: {
    label: 'Territoires',
    description:
      'Territoires concernés : commune, intercommunalité, département, région, bassin versant.',
  },
  cover: {
    label: 'Image de couverture',
    description:
      'En tête de la page et sur les cartes des listes, recadrée en paysage (1600 × 900 px conseillé) ; montrée aussi lors d’un partage. Texte alternatif (dans la médiathèque) : vide si l’image ne fait qu’illustrer le titre (elle est alors ignorée par les lecteurs d’écran) ; sinon, décrivez ce qu’elle montre que le texte ne dit pas.',
  },
  seo: {
    label: 'Référencement',
    description: 'Facultatif : titre et description pour les moteurs de recherche, si différents.',
  },
} satisfies Record<string, FieldGuidance>;
