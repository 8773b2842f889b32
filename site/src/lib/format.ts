// French formatting of what the CMS stores as raw values.

const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

/** `2026-03-05` → « 5 mars 2026 ». */
export function formatDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

const sizeFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** Strapi gives file sizes in kB: 1234.5 → « 1,2 Mo ». */
export function formatFileSize(kilobytes: number): string {
  if (kilobytes < 1024) return `${sizeFormat.format(Math.max(1, Math.round(kilobytes)))} ko`;
  return `${sizeFormat.format(kilobytes / 1024)} Mo`;
}

/** `.pdf` or `application/pdf` → « PDF ». */
export function formatFileType(ext: string | null | undefined, mime?: string | null): string {
  const fromExt = ext?.replace(/^\./, '');
  if (fromExt) return fromExt.toUpperCase();
  return mime?.split('/').pop()?.toUpperCase() ?? 'Fichier';
}

/** 75 → « 1 h 15 min ». */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, '0')} min`;
}
