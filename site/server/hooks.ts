import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SiteServerStatus } from '@dejala/search/site-status';
import { PUBLIC_TYPE_LIST } from '@dejala/search/content-registry';
import { UPLOADS, type ChangedEntry } from '../src/content/content-changes.ts';
import type { BuildQueue } from './build-queue.ts';

export interface HooksOptions {
  /** REBUILD_SECRET: the CMS sends it as `Authorization: Bearer …` to both hooks. */
  secret: string;
  queue: BuildQueue;
  /** When the live release went live, and when it read the CMS, for the status. */
  liveSince: () => string | null;
  liveContentReadAt: () => string | null;
  log: (message: string) => void;
}

const MAX_BODY_BYTES = 1024 * 1024;

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

/** Compares digests, so the time taken says nothing about the secret (not even its length). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Whether the request carries `Authorization: Bearer <secret>`. */
function carriesSecret(request: IncomingMessage, secret: string): boolean {
  const header = String(request.headers.authorization ?? '');
  const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  return given !== '' && sameSecret(given, secret);
}

async function readBody(request: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

interface WebhookPayload {
  event?: unknown;
  uid?: unknown;
  model?: unknown;
  entry?: { publishedAt?: unknown; documentId?: unknown } | null;
  /** Media library events carry the file here. */
  media?: { documentId?: unknown } | null;
}

function parsePayload(body: string): WebhookPayload {
  try {
    const payload = JSON.parse(body) as unknown;
    return payload && typeof payload === 'object' ? (payload as WebhookPayload) : {};
  } catch {
    return {};
  }
}

/** What asked for the build, from Strapi's webhook payload (`entry.publish api::offer.offer`). */
function reasonOf(payload: WebhookPayload): string {
  const event = typeof payload.event === 'string' ? payload.event : 'rebuild';
  const what = typeof payload.uid === 'string' ? payload.uid : payload.model;
  return (typeof what === 'string' ? `${event} ${what}` : event).slice(0, 120);
}

/**
 * The entry or file a webhook names: the fast path renders what it touches. Anything else
 * (a payload without one, a restore) asks for a full render.
 */
function changedEntryOf(payload: WebhookPayload): ChangedEntry | undefined {
  // Anything may come in: an event that is not a string names nothing.
  const event = typeof payload.event === 'string' ? payload.event : '';
  if (event.startsWith('media.')) {
    const file = payload.media?.documentId;
    return typeof file === 'string' ? { collection: UPLOADS, documentId: file } : undefined;
  }
  const documentId = payload.entry?.documentId;
  if (typeof documentId !== 'string') return undefined;
  const type = PUBLIC_TYPE_LIST.find((each) => each.uid === payload.uid);
  if (!type || !event.startsWith('entry.')) return undefined;
  return { collection: type.collection, documentId };
}

/** A saved draft changes nothing visitors see (published versions carry publishedAt). */
function isDraftSave(payload: WebhookPayload): boolean {
  return (
    (payload.event === 'entry.create' || payload.event === 'entry.update') &&
    payload.entry !== undefined &&
    payload.entry !== null &&
    payload.entry.publishedAt === null
  );
}

/**
 * `POST /_hooks/rebuild` and `GET /_hooks/status`, both for the CMS only: Bearer
 * REBUILD_SECRET, anything else is a 401 (and no build). The status names entries, fields and
 * internal addresses, and tells when editors publish. Returns false for other paths.
 */
export function createHooks(options: HooksOptions) {
  return async (request: IncomingMessage, response: ServerResponse, pathname: string) => {
    if (pathname === '/_hooks/status') {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.setHeader('allow', 'GET, HEAD');
        sendJson(response, 405, { error: 'method_not_allowed' });
        return true;
      }
      if (!carriesSecret(request, options.secret)) {
        sendJson(response, 401, { error: 'unauthorized' });
        return true;
      }
      const status: SiteServerStatus = {
        state: options.queue.state,
        lastBuild: options.queue.lastBuild,
        buildsSinceStart: options.queue.buildCount,
        liveSince: options.liveSince(),
        liveContentReadAt: options.liveContentReadAt(),
      };
      sendJson(response, 200, status);
      return true;
    }
    if (pathname !== '/_hooks/rebuild') return false;
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      sendJson(response, 405, { error: 'method_not_allowed' });
      return true;
    }
    if (!carriesSecret(request, options.secret)) {
      request.resume();
      options.log('site: rebuild refused (missing or wrong secret)');
      sendJson(response, 401, { error: 'unauthorized' });
      return true;
    }
    let body: string;
    try {
      body = await readBody(request);
    } catch {
      sendJson(response, 413, { error: 'body_too_large' });
      return true;
    }
    const payload = parsePayload(body);
    if (isDraftSave(payload)) {
      sendJson(response, 202, { state: options.queue.state, ignored: 'draft saved' });
      return true;
    }
    options.queue.request(reasonOf(payload), changedEntryOf(payload));
    sendJson(response, 202, { state: options.queue.state });
    return true;
  };
}
