import type { InvalidEntry, SiteStatus } from '@dejala/search/site-status';
import type { PanelText } from '../side-panel/panel-text';

export type { SiteStatus };

/** The entry shown in the edit view, as far as its publication goes. */
export interface EditedEntry {
  documentId?: string;
  publishedAt?: string | null;
}

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' });
const BUILD_FAILED = 'La dernière mise à jour du site a échoué : le site en ligne n’a pas changé.';

/** Why a build failed, in words an editor can act on: the entry that stopped it, if one did. */
function explainFailure(invalid: InvalidEntry | undefined, entry: EditedEntry): PanelText {
  if (invalid) {
    const { documentId, field } = invalid;
    const what = field.endsWith('alternativeText')
      ? 'une image sans texte alternatif (renseignez-le sur l’image, dans la médiathèque des fichiers)'
      : `le champ « ${field} »`;
    const which = documentId === entry.documentId ? 'Cette fiche' : `La fiche ${documentId}`;
    return {
      tone: 'danger',
      text: BUILD_FAILED,
      advice: `${which} ne peut pas être affichée : ${what}. Corrigez-la puis publiez-la à nouveau.`,
    };
  }
  return {
    tone: 'danger',
    text: BUILD_FAILED,
    advice:
      'Publiez à nouveau dans quelques minutes. Si l’échec se répète, prévenez l’administrateur du site.',
  };
}

/** The sentence the edit view shows about this entry and the public site. */
export function statusMessage(status: SiteStatus | null, entry: EditedEntry): PanelText {
  if (!status) return { tone: 'neutral', text: 'État du site en cours de lecture…' };
  if (status.configured === false) {
    return { tone: 'neutral', text: 'La mise en ligne automatique n’est pas configurée.' };
  }
  if (!status.reachable) {
    return {
      tone: 'warning',
      text: 'Le serveur du site ne répond pas.',
      advice:
        'Vos publications sont enregistrées et seront mises en ligne à son retour. Si cela dure, prévenez l’administrateur du site.',
    };
  }
  if (status.state === 'building' || status.state === 'queued') {
    return {
      tone: 'neutral',
      text: 'Mise à jour du site en cours : vos changements seront en ligne dans quelques instants.',
    };
  }
  if (status.lastBuild && !status.lastBuild.ok)
    return explainFailure(status.lastBuild.invalidEntry, entry);
  if (!entry.publishedAt) {
    return {
      tone: 'neutral',
      text: 'Cette fiche n’est pas publiée : elle n’apparaît pas sur le site.',
    };
  }
  const liveFrom = status.liveContentReadAt ? Date.parse(status.liveContentReadAt) : 0;
  if (Date.parse(entry.publishedAt) > liveFrom) {
    return {
      tone: 'neutral',
      text: 'Mise à jour du site en attente : cette publication sera en ligne dans quelques instants.',
    };
  }
  return {
    tone: 'success',
    text: status.liveSince
      ? `En ligne. Site mis à jour le ${dateTime.format(new Date(status.liveSince))}.`
      : 'En ligne.',
  };
}
