import type { TrainingSession } from '@dejala/search/schemas/training';

// The CMS stores session mode and status as stable tokens; visitors read French.
export const SESSION_MODE_LABELS: Record<TrainingSession['mode'], string> = {
  onsite: 'En présentiel',
  online: 'À distance',
  blended: 'Mixte (présentiel et distance)',
};

export const SESSION_STATUS_LABELS: Record<TrainingSession['status'], string> = {
  open: 'Inscriptions ouvertes',
  full: 'Complet',
  cancelled: 'Annulée',
};

// schema.org courseMode and eventStatus of each token, for the JSON-LD.
export const SESSION_MODE_SCHEMA: Record<TrainingSession['mode'], string> = {
  onsite: 'Onsite',
  online: 'Online',
  blended: 'Blended',
};
