import { cmsPublicUrlFromEnv } from '@dejala/search/cms/cms-connection';
import { uploadUrl } from '@dejala/search/site-urls';
import { rootEnv } from './root-env';

// Read once: every image of a build goes through here.
const cmsPublicUrl = cmsPublicUrlFromEnv(rootEnv());

/** Absolute URL of an upload, on the CMS's public address (CMS_PUBLIC_URL). */
export const mediaUrl = (url: string): string => uploadUrl(url, cmsPublicUrl);
