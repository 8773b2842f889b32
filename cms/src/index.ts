import type { Core } from '@strapi/strapi';
import { ensureEditorRole } from './bootstrap/editor-role';
import { applyFieldGuidance } from './bootstrap/field-guidance';
import { ensureFirstAdmin } from './bootstrap/first-admin';
import { ensurePublicPermissions } from './bootstrap/public-permissions';
import { ensureRebuildWebhook } from './bootstrap/rebuild-webhook';
import { ensureSiteTokens } from './bootstrap/site-tokens';
import { ensureUploadSettings } from './bootstrap/upload-settings';
import { deriveSlugMiddleware } from './document-middlewares/derive-slug';
import { mediaYearMiddleware } from './document-middlewares/media-year';
import { publishedOnlyMiddleware } from './document-middlewares/published-only';
import { searchOutboxMiddleware } from './document-middlewares/search-outbox';
import { siteRulesMiddleware } from './document-middlewares/site-rules';
import { registerDocumentTextRoute } from './search-sync/document-text-route';
import { startSearchSync, type SearchSync } from './search-sync/start';
import { registerSiteStatusRoute } from './site-status/status-route';
import { refuseActiveUploads } from './uploads/refuse-active-content';

// The search sync starts in bootstrap; changes committed before that are drained on start.
let searchSync: SearchSync | null = null;

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(publishedOnlyMiddleware(strapi));
    strapi.documents.use(deriveSlugMiddleware(strapi));
    strapi.documents.use(mediaYearMiddleware);
    strapi.documents.use(siteRulesMiddleware(strapi));
    strapi.documents.use(searchOutboxMiddleware(strapi, () => searchSync?.drainer.kick()));
    registerSiteStatusRoute(strapi);
    registerDocumentTextRoute(strapi, () => searchSync);
    refuseActiveUploads(strapi);
  },

  /** Runs on every start and every CLI command that loads the app: each step is idempotent. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Every admin account, including those created later in the admin, starts in French.
    strapi.db.lifecycles.subscribe({
      models: ['admin::user'],
      beforeCreate(event) {
        const data = event.params.data as { preferedLanguage?: string | null };
        data.preferedLanguage ??= 'fr';
      },
    });
    await ensurePublicPermissions(strapi);
    await ensureEditorRole(strapi);
    await ensureSiteTokens(strapi, process.env);
    await applyFieldGuidance(strapi);
    await ensureUploadSettings(strapi);
    await ensureFirstAdmin(strapi, process.env.ADMIN_EMAIL, process.env.ADMIN_PASSWORD);
    await ensureRebuildWebhook(strapi, process.env.SITE_REBUILD_URL, process.env.REBUILD_SECRET);
    searchSync = await startSearchSync(strapi);
    searchSync?.drainer.kick();
  },

  async destroy() {
    await searchSync?.stop();
    searchSync = null;
  },
};
