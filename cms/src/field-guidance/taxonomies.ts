import { common } from './shared';
import type { Guidance } from './types';

export const themeGuidance: Guidance = {
  name: {
    label: 'Nom',
    description: 'Nom du thème, au singulier, ex. : Eau, Forêt, Participation citoyenne.',
  },
  slug: common.slug,
  description: {
    label: 'Description',
    description: 'Facultatif : une phrase pour préciser le thème.',
  },
};

export const territoryGuidance: Guidance = {
  name: {
    label: 'Nom',
    description:
      'Nom officiel, ex. : Hérault, Occitanie, Communauté de communes du Lodévois et Larzac.',
  },
  slug: common.slug,
  kind: {
    label: 'Type de territoire',
    description: 'Commune, intercommunalité, département, région ou bassin versant.',
  },
  description: { label: 'Description', description: 'Facultatif.' },
};
