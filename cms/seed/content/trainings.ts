import { list, paragraph, paragraphs } from '../blocks';

const TO_COMPLETE = 'À compléter';

/**
 * Trainings of the École de dialogue territorial. The site text gives their audience and
 * spirit only: price, duration, dates and the other Qualiopi fields say "À compléter" or stay
 * empty until staff fill them in — nothing is invented.
 */
export const trainings = [
  {
    slug: 'se-former-au-dialogue-territorial',
    title: 'Se former au dialogue territorial',
    summary:
      'La formation de l’École de dialogue territorial : capitalisation, formation et accompagnement pour les professionnels qui gèrent des biens communs.',
    objectives: [
      list([
        'Comprendre le dialogue territorial comme dispositif ad hoc et comme processus.',
        'Clarifier des intérêts divergents et favoriser la reconnaissance mutuelle des besoins.',
        'Contribuer à coconstruire des accords de gestion négociés.',
      ]),
    ],
    audience:
      'Techniciens, animateurs, agents, élus de collectivités et d’organismes ayant vocation à gérer des biens communs (eau, forêt, foncier, etc.).',
    prerequisites: TO_COMPLETE,
    duration: TO_COMPLETE,
    accessConditions: TO_COMPLETE,
    accessLeadTime: TO_COMPLETE,
    price: TO_COMPLETE,
    contact: TO_COMPLETE,
    teachingMethods:
      'Capitalisation, formation et accompagnement, entre pairs. Détail à compléter.',
    assessmentMethods: TO_COMPLETE,
    disabilityAccess: TO_COMPLETE,
    program: [
      paragraph(
        'Déjà-là est cofondatrice de l’École de dialogue territorial, impulsée par Geyser.',
      ),
      paragraph('Programme détaillé à compléter.'),
    ],
    themes: ['formation', 'cooperation-territoriale'],
  },
  {
    slug: 'animer-des-ateliers-reflexifs',
    title: 'Animer des ateliers réflexifs',
    summary:
      'Se former à l’animation d’ateliers réflexifs, comme dans l’atelier de dialogue territorial qui réunit 200 professionnels d’un même champ sur une journée.',
    objectives: [
      list([
        'Préparer et animer un atelier réflexif entre professionnels.',
        'Expérimenter des méthodes pour développer la performance collective.',
      ]),
    ],
    audience: 'Professionnels appelés à animer les ateliers d’un atelier de dialogue territorial.',
    prerequisites: TO_COMPLETE,
    duration: TO_COMPLETE,
    accessConditions: TO_COMPLETE,
    accessLeadTime: TO_COMPLETE,
    price: TO_COMPLETE,
    contact: TO_COMPLETE,
    teachingMethods: TO_COMPLETE,
    assessmentMethods: TO_COMPLETE,
    disabilityAccess: TO_COMPLETE,
    program: paragraphs(
      'Cette formation s’inscrit dans la phase de conception de l’atelier de dialogue territorial.',
      'Programme détaillé à compléter.',
    ),
    themes: ['formation', 'cooperation-territoriale'],
  },
];
