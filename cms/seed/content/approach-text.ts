import { list, paragraph, paragraphs, type Block } from '../blocks';

/**
 * "Dispositif ad hoc & processus": the passage of the site text that both the approach page
 * and the first offer quote in full.
 */
export const adHocDispositif: Block[] = [
  paragraph('Chaque dispositif de dialogue territorial est un ouvrage unique, fonction de :'),
  list([
    'son commanditaire,',
    'la dimension plus ou moins conflictuelle de l’objet du dialogue,',
    'l’hétérogénéité des parties prenantes (personnes physiques, personnes morales, prescripteurs, gens de métier, citoyens, etc.),',
    'ses objectifs (réduire les risques d’inondation, concilier différents usages de la forêt, etc.),',
    'son articulation avec des accords partenariaux pré-existants,',
    'ses étapes, etc.',
  ]),
];

export const dialogueAsProcess: Block[] = paragraphs(
  'Le dialogue territorial est aussi un processus, qui revient à engager un questionnement entre des personnes. Chacune a en commun avec les autres de cultiver des attachements différenciés à leur territoire spécifique. L’attention est d’abord centrée sur la compréhension des différents usages du monde commun.',
  'Le dialogue passe par la clarification d’intérêts divergents voire antagonistes et par la reconnaissance mutuelle des besoins. Développer des interactions entre les acteurs du dialogue permet de coconstruire un accord de gestion qui oriente l’action par la prescription de nouvelles normes acceptables et négociées.',
);
