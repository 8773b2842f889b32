import { heading, list, paragraph, paragraphs } from '../blocks';
import { adHocDispositif, dialogueAsProcess } from './approach-text';

/** The five offers of the site text, in its words. */
export const offers = [
  {
    slug: 'dialogue-territorial',
    order: 0,
    title: 'Dialogue territorial : dispositif ad hoc & processus',
    tagline: 'Chaque dispositif de dialogue territorial est un ouvrage unique.',
    summary:
      'Un dispositif de dialogue conçu sur mesure et un processus de questionnement entre les personnes, pour coconstruire un accord de gestion qui oriente l’action.',
    body: [
      heading('Un dispositif ad hoc'),
      ...adHocDispositif,
      heading('Un processus'),
      ...dialogueAsProcess,
    ],
    audience:
      'Collectivités, syndicats et organismes ayant vocation à gérer des biens communs (eau, forêt, foncier, etc.), en lien avec les acteurs privés et publics de leur territoire.',
    objectives: [
      list([
        'Construire des solutions consenties, au plus près du terrain.',
        'Concilier des besoins différenciés et mieux valoriser les ressources locales.',
        'Développer le pouvoir d’agir des acteurs locaux.',
      ]),
    ],
    format:
      'Dispositif conçu sur mesure selon le commanditaire, les parties prenantes, les objectifs et les étapes du dialogue.',
    themes: ['cooperation-territoriale', 'eau', 'foret', 'risque-inondation'],
  },
  {
    slug: 'atelier-de-dialogue-territorial',
    order: 1,
    title: 'L’atelier de dialogue territorial',
    tagline: 'Un dispositif innovant d’intelligence collective.',
    summary:
      'Coconstruire avec une vingtaine de professionnels un événement participatif qui réunit 200 professionnels d’un même champ sur une journée.',
    body: [
      ...paragraphs(
        'Déjà-là est à l’initiative d’un dispositif innovant d’intelligence collective : l’atelier territorial consiste à coconstruire avec une vingtaine de professionnels un événement participatif dédié à réunir 200 professionnels d’un même champ sur une journée.',
        'Le dispositif intègre une phase de conception sur mesure de l’événement avec les parties prenantes (amplitude de trois mois) et de formation à l’animation d’ateliers réflexifs. Nous accompagnons la mise en œuvre collaborative en amont, pendant l’événement et en aval.',
      ),
      paragraph(
        'Véritables processus de coopération, ces ateliers de dialogue territorial œuvrent à :',
      ),
      list([
        'améliorer les pratiques ordinaires d’actions et de coopération territoriale,',
        'expérimenter des méthodes pour développer la performance collective,',
        'amorcer la prospective de services de qualité.',
      ]),
      paragraph(
        'Découvrez dans la médiathèque les vidéos et articles de fond sur les ateliers territoriaux.',
      ),
    ],
    audience:
      'Les professionnels d’un même champ d’action sur un territoire, et les structures qui les réunissent.',
    objectives: [
      list([
        'Améliorer les pratiques ordinaires d’actions et de coopération territoriale.',
        'Expérimenter des méthodes pour développer la performance collective.',
        'Amorcer la prospective de services de qualité.',
      ]),
    ],
    format:
      'Conception sur mesure avec une vingtaine de professionnels (environ trois mois), formation à l’animation d’ateliers réflexifs, puis une journée réunissant 200 professionnels ; accompagnement en amont, pendant et en aval.',
    themes: ['cooperation-territoriale', 'formation'],
    mediaItems: [
      'atelier-de-dialogue-territorial-en-video',
      'ateliers-territoriaux-article-de-fond',
    ],
  },
  {
    slug: 'outiller-le-debat-public',
    order: 2,
    title: 'Outiller le débat public',
    tagline: 'Une nouvelle culture de l’action publique se déploie.',
    summary:
      'Mobiliser les dispositifs délibératifs — consultations, concertations, coconstruction — pour améliorer la compréhension de l’action publique et l’orienter.',
    body: [
      ...paragraphs(
        'Il y a une véritable demande sociale de participation à la gestion des communs. Une nouvelle culture de l’action publique se déploie : nombreuses sont les collectivités qui se sont engagées en soutien de l’initiative citoyenne.',
        'Les cadres réglementaires et les pratiques professionnelles évoluent. Le débat public permet d’améliorer la compréhension de l’action publique et de l’orienter. Il développe le pouvoir d’agir des agents comme celui des destinataires des services qu’ils mettent en œuvre.',
        'En mobilisant les dispositifs délibératifs (consultations, concertations, coconstruction), la performance du service public se construit au moyen de systèmes apprenants, au cœur desquels les compétences, notamment collectives, des collaborateurs et des citoyens sont soutenues, reconnues et développées au moyen d’un dialogue sécurisé.',
        'Consultez dans la médiathèque le rapport de la convention citoyenne de Clermont-Ferrand (2022), rédigé par Elsa Bonal.',
      ),
    ],
    audience:
      'Collectivités et établissements publics engagés en soutien de l’initiative citoyenne ; leurs agents et leurs élus.',
    format: 'Consultations, concertations, coconstruction, conventions citoyennes.',
    themes: ['participation-citoyenne'],
    mediaItems: ['rapport-convention-citoyenne-clermont-ferrand-2022'],
    caseStudies: ['convention-citoyenne-de-clermont-ferrand'],
  },
  {
    slug: 'culture-de-dialogue',
    order: 3,
    title: 'Culture de dialogue',
    tagline: 'Prendre soin de l’expérience citoyenne.',
    summary:
      'Des stratégies et des démarches pour favoriser la culture de dialogue sur les territoires, avant que le climat social ne se dégrade.',
    body: [
      ...paragraphs(
        'De nombreuses tensions sont générées par l’ignorance. Ce constat a justifié que l’éducation prenne une place aussi prépondérante dans nos démocraties.',
        'Des citoyens découvrent tardivement des enjeux ou des projets, quand le climat social est dégradé. Au lieu de cela, de nombreux établissements choisissent de prendre soin de l’expérience citoyenne, voire de les associer à la gestion de biens communs par le biais d’organes consultatifs.',
        'Nous proposons différentes stratégies et démarches pour favoriser la culture de dialogue sur les territoires.',
        'Consultez la médiathèque et reportez-vous par exemple au voyage apprenant organisé avec le syndicat de rivière SYRIBT en 2022.',
      ),
    ],
    audience:
      'Établissements et collectivités qui veulent associer les citoyens à la gestion de biens communs.',
    themes: ['participation-citoyenne', 'eau'],
    mediaItems: ['voyage-apprenant-syribt-2022'],
    caseStudies: ['voyage-apprenant-syribt'],
  },
  {
    slug: 'dialogue-conflictuel-en-situation-de-crise',
    order: 4,
    title: 'Le dialogue conflictuel en situation de crise',
    tagline: 'Rétablir la coopération sans laquelle les sociétés humaines s’égarent.',
    summary:
      'Des dispositifs de médiation territoriale dédiés à la sortie de situations conflictuelles ou de crise, à visée environnementale ou sociale.',
    body: [
      ...paragraphs(
        'Déjà-là anime des dispositifs de médiation territoriale dédiés à la sortie de situations conflictuelles ou de crise.',
        'La visée peut être environnementale ; le dialogue vise une gestion multicritères d’espaces naturels, dans le respect des cadres réglementaires pour la biodiversité.',
        'La visée peut être sociale dans le cas de quartiers populaires en proie à la violence ou d’espaces ruraux en déshérence.',
        'Dans les deux contextes, il s’agit de construire la capacité des acteurs à entendre le point de vue de l’autre et de rétablir la coopération sans laquelle les sociétés humaines s’égarent.',
      ),
    ],
    themes: ['mediation-territoriale', 'biodiversite'],
  },
];
