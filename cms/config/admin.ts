import type { Core } from '@strapi/strapi';
import { previewUrl } from '../src/preview/preview-url';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET')!,
  },
  apiToken: {
    salt: env('API_TOKEN_SALT')!,
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT')!,
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY')!,
  },
  // Tests and API-only processes run without the built admin panel.
  serveAdminPanel: env.bool('SERVE_ADMIN_PANEL', true),
  // The preview button opens the draft on the site server (/preview/…), signed with
  // PREVIEW_SECRET; without SITE_URL and PREVIEW_SECRET the button is not offered.
  preview: {
    enabled: Boolean(env('SITE_URL') && env('PREVIEW_SECRET')),
    config: {
      allowedOrigins: env('SITE_URL') ? [new URL(env('SITE_URL')!).origin] : [],
      handler: (uid: string, params: { documentId: string; status?: string | null }) =>
        previewUrl(uid, params, { siteUrl: env('SITE_URL'), secret: env('PREVIEW_SECRET') }),
    },
  },
  flags: {
    nps: false,
    promoteEE: false,
    docLinks: false,
  },
});

export default config;
