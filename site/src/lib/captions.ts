import { parseCaptions, type Cue } from '@dejala/search/document-text/captions';
import { DOCUMENT_TEXT_LIMITS } from '@dejala/search/document-text/limits';
import { uploadUrl } from '@dejala/search/site-urls';
import type { MediaItem } from '@dejala/search/schemas/media-item';

// One download per captions file and build: the item page and its .vtt both read it.
const cuesByUrl = new Map<string, Promise<Cue[]>>();

async function download(url: string): Promise<Cue[]> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`answered ${response.status}`);
    return parseCaptions(await response.text());
  } catch (error) {
    // Captions are a complement: the page is built without them, and the build says so.
    console.warn(`captions: ${url} not read (${(error as Error).message}): page built without`);
    return [];
  }
}

/**
 * The cues of an item's captions file (WebVTT or SRT), or none. `cmsUrl` is the CMS's own
 * address (server to server), not the public one browsers use: behind a proxy, the public one
 * may not be reachable from the server.
 */
export function captionCues(item: Pick<MediaItem, 'captions'>, cmsUrl: string): Promise<Cue[]> {
  if (!item.captions) return Promise.resolve([]);
  // The search's limit too (Strapi gives sizes in kB): a huge file is not fetched at build.
  if ((item.captions.size ?? 0) * 1000 > DOCUMENT_TEXT_LIMITS.maxCaptionsBytes) {
    console.warn(`captions: ${item.captions.url} is larger than the limit: page built without`);
    return Promise.resolve([]);
  }
  const url = uploadUrl(item.captions.url, cmsUrl);
  let cues = cuesByUrl.get(url);
  if (!cues) {
    cues = download(url);
    cuesByUrl.set(url, cues);
  }
  return cues;
}
