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
    await strapi.db.transaction(async () => {
      for (const entry of batch) {
        if (existingSlugs.has(entry.slug)) {
          result.existing += 1;
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
            `Seed: could not create ${step.uid} "${entry.slug}": ${describeError(error)}`,
            {
              cause: error,
            },
          );
        }
        existingSlugs.add(entry.slug);
        result.created += 1;
      }
    });
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
