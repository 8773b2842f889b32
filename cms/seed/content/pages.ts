import { heading, paragraph, paragraphs } from '../blocks';
import { adHocDispositif, dialogueAsProcess } from './approach-text';

/** Free pages: the approach (la démarche), about, legal notice, accessibility. */
export const pages = [
  {
    slug: 'la-demarche',
    title: 'La démarche',
    summary:
      'Le dialogue territorial a vocation à construire un processus de questionnement dont la finalité est d’améliorer l’usage du monde.',
    body: [
      ...paragraphs(
        'Le dialogue territorial a vocation à construire un processus de questionnement dont la finalité est d’améliorer l’usage du monde. Il permet une meilleure valorisation des ressources dans leurs spécificités locales en conciliant des besoins différenciés. Il engage l’élaboration de solutions consenties, au plus près du terrain. Il développe le pouvoir d’agir des acteurs locaux.',
      ),
      heading('Pour des territoires apprenants'),
      ...paragraphs(
        'Un territoire abrite des stratégies, des besoins, des critères, des cultures… qui bien souvent s’ignorent !',
        'Les actions portées par les nombreuses politiques publiques sont inégalement mises en œuvre localement ; elles peuvent aussi être tout à fait méconnues de celles et ceux à qui elles se destinent.',
        'Il arrive que le rôle de prescription, particulièrement joué par l’État, alimente la défiance que de nombreux concitoyens ont à l’égard des institutions.',
        'Or, des professionnels et des citoyens ont construit une connaissance fine des spécificités territoriales ; écoutons-les !',
        'Prendre le temps de se qualifier entre pairs sur un sujet inspire nos actions.',
        'De nouvelles façons de penser l’interdépendance génèrent de l’innovation en cascade… pour des territoires apprenants !',
        'Ainsi, la coopération entre une pluralité d’acteurs, privés et publics, gagne à être travaillée par des dispositifs de dialogue ad hoc.',
      ),
      heading('Dialogue territorial : dispositif ad hoc & processus'),
      ...adHocDispositif,
      ...dialogueAsProcess,
    ],
  },
  {
    slug: 'a-propos',
    title: 'À propos de Déjà-là',
    summary:
      'Contribuer à redessiner collaborativement des territoires d’envie dans l’Hérault et le Gard, et plus largement en Occitanie, telle est notre ambition.',
    body: paragraphs(
      'Contribuer à redessiner collaborativement des territoires d’envie dans l’Hérault et le Gard, et plus largement en Occitanie, telle est notre ambition.',
      'Déjà-là est cofondatrice de l’École de dialogue territorial, impulsée par Geyser. Notre offre de formation associe la capitalisation, la formation et l’accompagnement. Elle est dédiée aux techniciens, animateurs, agents, élus de collectivités et d’organismes ayant vocation à gérer des biens communs (eau, forêt, foncier, etc.).',
    ),
  },
  {
    slug: 'mentions-legales',
    title: 'Mentions légales',
    summary: 'Informations légales sur l’éditeur et l’hébergeur du site.',
    body: [
      heading('Éditeur du site'),
      paragraph(
        'Déjà-là. Raison sociale, forme juridique, SIRET, adresse et directeur ou directrice de la publication : à compléter dans les réglages du site.',
      ),
      heading('Hébergement'),
      paragraph('Nom et coordonnées de l’hébergeur : à compléter dans les réglages du site.'),
      heading('Données personnelles'),
      paragraph(
        'Ce site ne dépose aucun cookie de mesure d’audience et ne charge aucun service tiers sans votre action.',
      ),
    ],
  },
  {
    slug: 'accessibilite',
    title: 'Accessibilité',
    summary: 'Déclaration d’accessibilité du site de Déjà-là.',
    body: [
      paragraph(
        'Déjà-là s’engage à rendre son site accessible conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.',
      ),
      heading('État de conformité'),
      paragraph(
        'Le site vise le niveau AA du référentiel général d’amélioration de l’accessibilité (RGAA 4.1). L’audit de conformité reste à réaliser : la conformité n’est donc pas encore établie.',
      ),
      heading('Retour d’information et contact'),
      paragraph(
        'Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez-nous pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.',
      ),
      heading('Voies de recours'),
      paragraph(
        'Si vous constatez un défaut d’accessibilité vous empêchant d’accéder à un contenu et que vous n’avez pas obtenu de réponse satisfaisante, vous pouvez écrire au Défenseur des droits ou contacter son délégué dans votre région.',
      ),
    ],
  },
];
