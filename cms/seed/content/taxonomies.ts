/** Themes and territories named or implied by the organisation's own text. */

export const themes = [
  {
    slug: 'eau',
    name: 'Eau',
    description: 'Gestion de la ressource en eau et des rivières, bien commun.',
  },
  { slug: 'foret', name: 'Forêt', description: 'Concilier les différents usages de la forêt.' },
  { slug: 'foncier', name: 'Foncier', description: 'Usages et partage du foncier.' },
  {
    slug: 'risque-inondation',
    name: 'Risque inondation',
    description: 'Réduire les risques d’inondation avec les acteurs du territoire.',
  },
  {
    slug: 'biodiversite',
    name: 'Biodiversité',
    description:
      'Gestion multicritères d’espaces naturels, dans le respect des cadres réglementaires.',
  },
  {
    slug: 'participation-citoyenne',
    name: 'Participation citoyenne',
    description: 'Consultations, concertations, coconstruction : outiller le débat public.',
  },
  {
    slug: 'mediation-territoriale',
    name: 'Médiation territoriale',
    description: 'Sortie de situations conflictuelles ou de crise.',
  },
  {
    slug: 'cooperation-territoriale',
    name: 'Coopération territoriale',
    description: 'Coopération entre acteurs privés et publics, intelligence collective.',
  },
  {
    slug: 'formation',
    name: 'Formation',
    description: 'Capitalisation, formation et accompagnement des professionnels.',
  },
];

export const territories = [
  { slug: 'occitanie', name: 'Occitanie', kind: 'région' },
  { slug: 'herault', name: 'Hérault', kind: 'département' },
  { slug: 'gard', name: 'Gard', kind: 'département' },
  { slug: 'clermont-ferrand', name: 'Clermont-Ferrand', kind: 'commune' },
];
