import type { Core, UID } from '@strapi/strapi';

/** A seed entry: field values as the Document Service takes them, relations given by slug. */
export type SeedEntry = { slug: string } & Record<string, unknown>;

export interface CollectionStep {
  uid: UID.ContentType;
  entries: SeedEntry[];
}

export interface StepResult {
  created: number;
  existing: number;
  /** Wall time of the step, for progress output and benchmarks. */
  seconds?: number;
}

export type Progress = (done: number, total: number) => void;

// Entries per transaction: one commit per batch instead of one per entry (SQLite fsyncs each).
export const DEFAULT_BATCH_SIZE = 100;
// A batch that meets another process's write lock (the running CMS on the same SQLite file)
// is rolled back and tried again, waiting a little longer each time.
const LOCKED_ATTEMPTS = 8;
const LOCKED_FIRST_WAIT_MS = 250;

/** An import stopped part-way: what was imported stays, and running it again finishes it. */
export class ImportInterruptedError extends Error {
  constructor(
    readonly uid: string,
    readonly done: number,
    readonly total: number,
    cause: unknown,
  ) {
    super(
      `stopped at ${uid} ${done} of ${total} (${describeError(cause)}); what was imported is kept: run the same command again to finish`,
      { cause },
    );
    this.name = 'ImportInterruptedError';
  }
}

/** SQLite's "database is locked" (SQLITE_BUSY), possibly wrapped by Strapi or by this module. */
function isLocked(error: unknown): boolean {
  for (let current = error; current; current = (current as { cause?: unknown }).cause) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (String(code).startsWith('SQLITE_BUSY') || /database is locked/.test(String(message)))
      return true;
  }
  return false;
}

/**
 * Creates (published) every entry whose slug does not exist yet and leaves existing ones
 * untouched, so re-running never duplicates content nor overwrites what editors changed.
 */
export async function importCollection(
  strapi: Core.Strapi,
  step: CollectionStep,
  onProgress?: Progress,
  batchSize = DEFAULT_BATCH_SIZE,
): Promise<StepResult> {
  const startedAt = performance.now();
  const result: StepResult = { created: 0, existing: 0 };
  const resolver = new SlugResolver(strapi);
  const existingSlugs = await findExistingSlugs(strapi, step.uid);
  const draftAndPublish = hasDraftAndPublish(strapi, step.uid);

  for (let start = 0; start < step.entries.length; start += batchSize) {
    const batch = step.entries.slice(start, start + batchSize);
    for (let attempt = 1; ; attempt += 1) {
      // Counted apart, and kept only once the batch is committed.
      const created: string[] = [];
      let existing = 0;
      try {
        await strapi.db.transaction(async () => {
          for (const entry of batch) {
            if (existingSlugs.has(entry.slug)) {
              existing += 1;
              continue;
            }
            const data = await resolver.resolveRelations(step.uid, entry);
            try {
              await strapi.documents(step.uid).create({
                data,
                ...(draftAndPublish ? { status: 'published' as const } : {}),
              } as never);
            } catch (error) {
              throw new Error(
                `could not create ${step.uid} "${entry.slug}": ${describeError(error)}`,
                {
                  cause: error,
                },
              );
            }
            created.push(entry.slug);
          }
        });
      } catch (error) {
        if (isLocked(error) && attempt < LOCKED_ATTEMPTS) {
          await new Promise((resolve) => setTimeout(resolve, LOCKED_FIRST_WAIT_MS * 2 ** attempt));
          continue;
        }
        throw new ImportInterruptedError(step.uid, start, step.entries.length, error);
      }
      for (const slug of created) existingSlugs.add(slug);
      result.created += created.length;
      result.existing += existing;
      break;
    }
    onProgress?.(Math.min(start + batchSize, step.entries.length), step.entries.length);
  }
  result.seconds = (performance.now() - startedAt) / 1000;
  return result;
}

/** Creates a single type's content when it has none yet. */
export async function importSingle(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  entry: Record<string, unknown>,
): Promise<StepResult> {
  const existing = await strapi.db.query(uid).count({});
  if (existing > 0) return { created: 0, existing: 1 };
  const data = await new SlugResolver(strapi).resolveRelations(uid, entry);
  await strapi.documents(uid).create({
    data,
    ...(hasDraftAndPublish(strapi, uid) ? { status: 'published' as const } : {}),
  } as never);
  return { created: 1, existing: 0 };
}

/** Strapi validation errors carry the offending paths in `details.errors`. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const details = (error as { details?: { errors?: Array<{ path: string[]; message: string }> } })
    .details;
  const fields = details?.errors?.map((item) => `${item.path.join('.')}: ${item.message}`) ?? [];
  return fields.length > 0 ? `${error.message} (${fields.join('; ')})` : error.message;
}

function hasDraftAndPublish(strapi: Core.Strapi, uid: UID.ContentType): boolean {
  return strapi.contentType(uid).options?.draftAndPublish === true;
}

async function findExistingSlugs(strapi: Core.Strapi, uid: UID.ContentType): Promise<Set<string>> {
  const rows: Array<{ slug: string }> = await strapi.db.query(uid).findMany({ select: ['slug'] });
  return new Set(rows.map((row) => row.slug));
}

/** Replaces slugs in relation fields by the documentIds the Document Service expects. */
class SlugResolver {
  private readonly cache = new Map<string, string>();

  constructor(private readonly strapi: Core.Strapi) {}

  async resolveRelations(
    uid: UID.ContentType,
    entry: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const attributes = this.strapi.contentType(uid).attributes as Record<
      string,
      { type: string; target?: string }
    >;
    const data: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(entry)) {
      const attribute = attributes[field];
      if (attribute?.type === 'relation' && attribute.target && Array.isArray(value)) {
        data[field] = await Promise.all(
          value.map((slug) =>
            this.documentId(attribute.target as UID.ContentType, String(slug), `${uid}.${field}`),
          ),
        );
      } else {
        data[field] = value;
      }
    }
    return data;
  }

  private async documentId(target: UID.ContentType, slug: string, usedBy: string): Promise<string> {
    const key = `${target}:${slug}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const row = await this.strapi.db
      .query(target)
      .findOne({ where: { slug }, select: ['documentId'] });
    if (!row)
      throw new Error(`Seed: ${usedBy} refers to "${slug}", which does not exist in ${target}.`);
    this.cache.set(key, row.documentId);
    return row.documentId;
  }
}
