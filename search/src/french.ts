/**
 * French language data for the médiathèque index. Meilisearch does no stemming: word families
 * and plurals that visitors type must be listed as synonyms, each direction explicitly.
 */

/** Function words that carry no meaning for search; elided forms (l', d', qu') included. */
export const FRENCH_STOP_WORDS = [
  'a',
  'à',
  'au',
  'aux',
  'avec',
  'ce',
  'ces',
  'c',
  'd',
  'dans',
  'de',
  'des',
  'du',
  'elle',
  'en',
  'et',
  'eux',
  'il',
  'ils',
  'j',
  'je',
  'l',
  'la',
  'le',
  'les',
  'leur',
  'leurs',
  'lui',
  'm',
  'ma',
  'mais',
  'me',
  'mes',
  'moi',
  'mon',
  'n',
  'ne',
  'nos',
  'notre',
  'nous',
  'on',
  'ou',
  'par',
  'pas',
  'pour',
  'qu',
  'que',
  'qui',
  's',
  'sa',
  'se',
  'ses',
  'son',
  'sur',
  't',
  'ta',
  'te',
  'tes',
  'toi',
  'ton',
  'tu',
  'un',
  'une',
  'vos',
  'votre',
  'vous',
  'y',
];

// Singular and plural (and a few feminine) forms of the domain's words.
const WORD_FAMILIES = [
  ['territoire', 'territoires', 'territorial', 'territoriale', 'territoriaux'],
  ['atelier', 'ateliers'],
  ['rivière', 'rivières'],
  ['forêt', 'forêts', 'forestier', 'forestière'],
  ['commun', 'communs'],
  ['citoyen', 'citoyens', 'citoyenne', 'citoyennes'],
  ['concertation', 'concertations'],
  ['consultation', 'consultations'],
  ['médiation', 'médiations'],
  ['conflit', 'conflits', 'conflictuel', 'conflictuelle'],
  ['formation', 'formations'],
  ['acteur', 'acteurs', 'actrice', 'actrices'],
  ['enjeu', 'enjeux'],
  ['collectivité', 'collectivités'],
  ['élu', 'élus', 'élue', 'élues'],
  ['inondation', 'inondations'],
  ['rapport', 'rapports'],
  ['vidéo', 'vidéos'],
  ['podcast', 'podcasts'],
  ['dialogue', 'dialogues'],
];

// Abbreviations visitors use, each pointing to the words documents contain.
const ABBREVIATIONS: Record<string, string[]> = {
  epci: ['intercommunalité'],
  cc: ['communauté de communes'],
  pnr: ['parc naturel régional'],
  edt: ['école de dialogue territorial'],
  gemapi: ['gestion des milieux aquatiques', 'prévention des inondations'],
};

function buildSynonyms(): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const family of WORD_FAMILIES) {
    for (const word of family) synonyms[word] = family.filter((other) => other !== word);
  }
  for (const [abbreviation, expansions] of Object.entries(ABBREVIATIONS)) {
    synonyms[abbreviation] = expansions;
  }
  return synonyms;
}

export const FRENCH_SYNONYMS = buildSynonyms();
