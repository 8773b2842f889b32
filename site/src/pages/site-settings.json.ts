import type { APIRoute } from 'astro';
import { pageContent } from '../content/page-content';

/**
 * The site settings of this build (public: they are in every page's header and footer), read
 * by the site server for the pages it renders on demand, which do not carry the content store.
 */
export const GET: APIRoute = ({ locals }) => Response.json(pageContent(locals).global());
