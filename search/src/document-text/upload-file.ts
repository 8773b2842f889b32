/** An uploaded file as the CMS describes it (Strapi's upload plugin), with what the text cache needs. */
export interface UploadFile {
  url: string;
  /** Strapi's name for the stored file; kept when a file is replaced in the media library. */
  hash: string;
  ext?: string | null;
  mime?: string | null;
  /** Size in kB, as Strapi stores it. */
  size?: number | null;
  updatedAt?: string | null;
  name?: string | null;
}

/** The upload fields to ask the CMS for (REST `fields` and Document Service `fields`). */
export const UPLOAD_FILE_FIELDS = ['url', 'hash', 'ext', 'mime', 'size', 'updatedAt', 'name'];

const extension = (file: UploadFile) => (file.ext ?? '').toLowerCase();

export function isPdf(file: UploadFile): boolean {
  return file.mime === 'application/pdf' || extension(file) === '.pdf';
}

/** A captions file: WebVTT or SubRip (SRT). */
export function isCaptions(file: UploadFile): boolean {
  return ['.vtt', '.srt'].includes(extension(file)) || file.mime === 'text/vtt';
}

/** A recording played by the browser itself. */
export function isAudioOrVideo(file: UploadFile | null | undefined): boolean {
  return /^(audio|video)\//.test(file?.mime ?? '');
}

/** A local copy of an upload for the extraction process to read, removed by `release`. */
export interface LocalUpload {
  path: string;
  release(): Promise<void>;
}

/** Gives the extraction a file path for an upload: the CMS's own folder, or a download. */
export type ReadUpload = (file: UploadFile) => Promise<LocalUpload>;
