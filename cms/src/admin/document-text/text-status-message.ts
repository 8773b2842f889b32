import type { DocumentTextStatus } from '../../search-sync/document-text-status';
import type { PanelText } from '../side-panel/panel-text';

const number = new Intl.NumberFormat('fr-FR');
const megabytes = (bytes: number) => number.format(bytes / 1024 / 1024);
const pages = (count: number) => `${number.format(count)} page${count > 1 ? 's' : ''}`;
const FIELDS_ONLY =
  'L’élément reste publié et se trouve par son titre, son résumé et ses autres champs, mais pas par le contenu du fichier.';

/** The sentence the edit view shows about the text the search reads from the item's file. */
export function textStatusMessage(status: DocumentTextStatus | null): PanelText {
  if (!status) return { tone: 'neutral', text: 'Lecture de l’état de la recherche…' };
  const { limits } = status;
  const draftNote = status.draftFileDiffers
    ? 'Le fichier du brouillon sera lu à sa publication.'
    : undefined;
  switch (status.state) {
    case 'search-off':
      return { tone: 'neutral', text: 'La recherche n’est pas configurée sur ce serveur.' };
    case 'unpublished':
      return {
        tone: 'neutral',
        text: status.fileName
          ? 'Le texte du fichier sera lu par la recherche à la publication.'
          : 'Aucun fichier joint.',
      };
    case 'no-file':
      return { tone: 'neutral', text: 'Aucun fichier joint.', advice: draftNote };
    case 'not-read':
      return {
        tone: 'neutral',
        text: 'La recherche lit le texte des PDF et des sous-titres ; ce fichier-ci n’est pas lu.',
        advice:
          draftNote ??
          'Pour une vidéo ou un podcast, joignez des sous-titres (.vtt, .srt) ou saisissez une transcription : la recherche trouvera ce qui s’y dit.',
      };
    case 'pending':
      return { tone: 'neutral', text: 'Lecture du texte du document en cours…', advice: draftNote };
    case 'indexing':
    case 'done':
      break;
  }
  const result = status.result!;
  const captions = result.format === 'captions';
  const pending = status.state === 'indexing' ? ' (en cours d’indexation)' : '';
  switch (result.status) {
    case 'indexed': {
      if (result.format === 'captions') {
        const cues = result.cueCount ?? 0;
        return {
          tone: 'success',
          text: `Sous-titres indexés (${number.format(cues)} réplique${cues > 1 ? 's' : ''})${pending}.`,
          advice: draftNote,
        };
      }
      const read = result.indexedPages ?? 0;
      if (result.stoppedAt?.limit === 'pages') {
        return {
          tone: 'warning',
          text: `Texte indexé jusqu’à la page ${number.format(result.stoppedAt.lastPage)} sur ${number.format(result.pageCount ?? 0)}${pending}.`,
          advice:
            `La recherche lit au plus ${pages(limits.maxPages)} par document : la suite n’est pas cherchable. ${draftNote ?? ''}`.trim(),
        };
      }
      if (result.stoppedAt?.limit === 'characters') {
        return {
          tone: 'warning',
          text: `Texte indexé jusqu’à la page ${number.format(result.stoppedAt.lastPage)} sur ${number.format(result.pageCount ?? 0)}${pending}.`,
          advice:
            `La recherche lit au plus ${number.format(limits.maxCharacters)} caractères par document : la suite n’est pas cherchable. ${draftNote ?? ''}`.trim(),
        };
      }
      return {
        tone: 'success',
        text: `Texte du document indexé (${pages(read)})${pending}.`,
        advice: draftNote,
      };
    }
    case 'no-text':
      return {
        tone: 'warning',
        text: 'PDF sans texte (document scanné ?) : son contenu n’est pas cherchable.',
        advice: `${FIELDS_ONLY} Un PDF avec reconnaissance de caractères (OCR) le rendrait cherchable.`,
      };
    case 'password':
      return {
        tone: 'warning',
        text: 'PDF protégé par mot de passe : son texte ne peut pas être lu.',
        advice: `${FIELDS_ONLY} Joignez une version sans mot de passe pour qu’il le soit.`,
      };
    case 'too-large':
      if (captions) {
        return {
          tone: 'warning',
          text: `Fichier de sous-titres trop volumineux (limite ${megabytes(limits.maxCaptionsBytes)} Mo).`,
          advice: FIELDS_ONLY,
        };
      }
      return {
        tone: 'warning',
        text: `Fichier trop volumineux pour la recherche (limite ${megabytes(limits.maxFileBytes)} Mo).`,
        advice: `${FIELDS_ONLY} Une version allégée (images compressées) le rendrait cherchable.`,
      };
    case 'too-complex':
      return {
        tone: 'warning',
        text: `Document trop long ou trop complexe à lire (limite ${number.format(limits.timeoutMs / 1000)} secondes).`,
        advice: FIELDS_ONLY,
      };
    case 'unreadable':
    case 'unsupported':
      if (captions) {
        return {
          tone: 'warning',
          text: 'Sous-titres illisibles : aucune réplique WebVTT ou SRT n’y a été trouvée.',
          advice: `${FIELDS_ONLY} Vérifiez le fichier (.vtt ou .srt) dans un lecteur vidéo, puis joignez-le de nouveau.`,
        };
      }
      return {
        tone: 'warning',
        text: 'Fichier illisible (PDF endommagé ?) : son texte ne peut pas être lu.',
        advice: `${FIELDS_ONLY} Enregistrez de nouveau le PDF depuis son logiciel d’origine, puis joignez-le.`,
      };
  }
}
