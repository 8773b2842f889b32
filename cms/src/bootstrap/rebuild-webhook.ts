import type { Core } from '@strapi/strapi';

/** Name of the webhook this bootstrap owns (shown in Paramètres → Webhooks). */
export const REBUILD_WEBHOOK_NAME = 'Reconstruction du site (automatique)';

// What can change a page. Saving a draft also sends entry.create/update: the site server
// ignores those (their entry has no publishedAt), but themes, territories and the site
// settings have no drafts and only send entry.create/update.
const WANTED_EVENTS = [
  'entry.create',
  'entry.update',
  'entry.delete',
  'entry.publish',
  'entry.unpublish',
  'media.create',
  'media.update',
  'media.delete',
];

interface Webhook {
  id: string;
  name: string;
  url: string;
  headers: Record<string, string>;
  events: string[];
  isEnabled: boolean;
}

interface WebhookStore {
  allowedEvents: Map<string, string>;
  findWebhooks(): Promise<Webhook[]>;
  createWebhook(data: Omit<Webhook, 'id' | 'isEnabled'>): Promise<Webhook>;
  updateWebhook(id: string, data: Omit<Webhook, 'id'>): Promise<Webhook>;
}

interface WebhookRunner {
  add(webhook: Webhook): void;
  update(webhook: Webhook): void;
}

/**
 * Creates or realigns the webhook that asks the site server to rebuild
 * (`SITE_REBUILD_URL`, with `Authorization: Bearer REBUILD_SECRET`), and registers it with
 * the running webhook runner so it fires at once, not after a restart. Without both
 * variables, the webhook is left as it is.
 */
export async function ensureRebuildWebhook(
  strapi: Core.Strapi,
  url: string | undefined,
  secret: string | undefined,
): Promise<void> {
  if (!url || !secret) {
    strapi.log.info('rebuild webhook: SITE_REBUILD_URL or REBUILD_SECRET not set, not managed');
    return;
  }
  const store = strapi.get('webhookStore') as WebhookStore;
  const runner = strapi.get('webhookRunner') as WebhookRunner;
  const allowed = new Set(store.allowedEvents.values());
  const wanted = {
    name: REBUILD_WEBHOOK_NAME,
    url,
    headers: { Authorization: `Bearer ${secret}` },
    events: WANTED_EVENTS.filter((event) => allowed.has(event)),
  };
  const existing = (await store.findWebhooks()).find((hook) => hook.name === REBUILD_WEBHOOK_NAME);
  if (!existing) {
    runner.add(await store.createWebhook(wanted));
    strapi.log.info(`rebuild webhook: created for ${url}`);
    return;
  }
  const same =
    existing.url === wanted.url &&
    existing.isEnabled &&
    existing.headers?.Authorization === wanted.headers.Authorization &&
    [...existing.events].sort().join() === [...wanted.events].sort().join();
  if (same) return;
  // The runner was loaded with the stored version at start-up: replace it there too.
  runner.update(await store.updateWebhook(existing.id, { ...wanted, isEnabled: true }));
  strapi.log.info(`rebuild webhook: updated for ${url}`);
}
