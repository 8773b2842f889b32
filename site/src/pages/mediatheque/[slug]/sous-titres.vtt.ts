// An item's captions as WebVTT, served by the site itself: browsers' <track> reads only
// WebVTT (editors may upload SRT) and only from the page's origin without CORS.
import type { APIRoute } from 'astro';
import { toWebVtt } from '@dejala/search/document-text/captions';
import { entryAt, notFound, pageContent } from '../../../content/page-content';
import { captionCues } from '../../../lib/captions';

export const GET: APIRoute = async (context) => {
  const item = entryAt(context, 'mediaItems');
  const cues = item?.captions ? await captionCues(item, pageContent(context.locals).cmsUrl) : [];
  if (cues.length === 0) return notFound();
  return new Response(toWebVtt(cues), {
    headers: { 'content-type': 'text/vtt; charset=utf-8' },
  });
};
