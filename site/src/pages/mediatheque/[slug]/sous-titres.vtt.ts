// An item's captions as WebVTT, served by the site itself: browsers' <track> reads only
// WebVTT (editors may upload SRT) and only from the page's origin without CORS.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { toWebVtt } from '@dejala/search/document-text/captions';
import { captionCues } from '../../../lib/captions';

export const getStaticPaths = (async () => {
  const items = (await getCollection('mediaItems')).filter(({ data }) => data.captions);
  const withCues = await Promise.all(
    items.map(async ({ data }) => ({ slug: data.slug, cues: await captionCues(data) })),
  );
  return withCues
    .filter(({ cues }) => cues.length > 0)
    .map(({ slug, cues }) => ({ params: { slug }, props: { cues } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(toWebVtt(props.cues), { headers: { 'content-type': 'text/vtt; charset=utf-8' } });
