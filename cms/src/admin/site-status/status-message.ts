import type { InvalidEntry, SiteStatus } from '@dejala/search/site-status';
import type { PanelText } from '../side-panel/panel-text';

export type { SiteStatus };

/** The entry shown in the edit view, as far as its publication goes. */
export interface EditedEntry {
  documentId?: string;
  publishedAt?: string | null;
}

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' });
const seconds = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const BUILD_FAILED = 'La dernière mise à jour du site a échoué : le site en ligne n’a pas changé.';

/** The entry's field a problem is in, as its form names it (`body` for `body.0.image`). */
const fieldName = (field: string) => field.split('.')[0];

/** Why the site could not show this entry's published version, in words an editor can act on. */
function explainException({ field, advice }: InvalidEntry): PanelText {
  const name = fieldName(field);
  return {
    tone: 'danger',
    text: 'Cette version n’est pas en ligne : le site ne peut pas l’afficher. Il montre la version précédente de la fiche, si elle en avait une.',
    advice: advice
      ? `Champ « ${name} » à corriger. ${advice} Puis publiez à nouveau.`
      : `À corriger : le champ « ${name} ». Corrigez-le puis publiez à nouveau.`,
  };
}

/** What the page went live without: an image whose file cannot be read. */
function explainWarning({ field, advice }: InvalidEntry): PanelText {
  return {
    tone: 'warning',
    text: `En ligne, sans une image du champ « ${fieldName(field)} ».`,
    advice: `${advice ?? 'Remplacez son fichier.'} Puis publiez à nouveau.`,
  };
}

/** How the last update went live, when it did: which path, how long it took. */
function howItWentLive(build: SiteStatus['lastBuild']): string {
  if (!build?.ok || !build.path) return '';
  const took = `en ${seconds.format(build.durationMs / 1000)} s`;
  return build.path === 'fast'
    ? ` (pages concernées seulement, ${took})`
    : ` (site entier reconstruit, ${took})`;
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
  if (status.lastBuild && !status.lastBuild.ok) {
    return {
      tone: 'danger',
      text: BUILD_FAILED,
      advice:
        'Publiez à nouveau dans quelques minutes. Si l’échec se répète, prévenez l’administrateur du site.',
    };
  }
  // The rest of the site went live; this entry could not be shown (others are not concerned).
  const exception = status.lastBuild?.exceptions?.find(
    (invalid) => invalid.documentId === entry.documentId,
  );
  if (exception) return explainException(exception);
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
  const warning = status.lastBuild?.warnings?.find(
    (incomplete) => incomplete.documentId === entry.documentId,
  );
  if (warning) return explainWarning(warning);
  return {
    tone: 'success',
    text: status.liveSince
      ? `En ligne. Site mis à jour le ${dateTime.format(new Date(status.liveSince))}${howItWentLive(status.lastBuild)}.`
      : 'En ligne.',
  };
}
