import type { Core } from '@strapi/strapi';
import { COMPONENT_GUIDANCE, CONTENT_TYPE_GUIDANCE } from '../field-guidance';
import type { Guidance } from '../field-guidance/types';

interface Metadata {
  edit?: Record<string, unknown>;
  list?: Record<string, unknown>;
}
interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: unknown;
}
interface ConfigurationService {
  findConfiguration(model: { uid: string }): Promise<Configuration>;
  updateConfiguration(model: { uid: string }, configuration: Configuration): Promise<unknown>;
}

/**
 * Writes the French labels, help texts and placeholders of `field-guidance/` into the Content
 * Manager's view configuration, which is where the admin reads them. Only stored when they
 * differ, so a restart does not rewrite the configuration.
 */
export async function applyFieldGuidance(strapi: Core.Strapi): Promise<void> {
  const contentManager = strapi.plugin('content-manager');
  await applyAll(
    contentManager.service('content-types') as ConfigurationService,
    CONTENT_TYPE_GUIDANCE,
  );
  await applyAll(contentManager.service('components') as ConfigurationService, COMPONENT_GUIDANCE);
}

async function applyAll(
  service: ConfigurationService,
  byUid: Record<string, { mainField?: string; fields: Guidance }>,
): Promise<void> {
  for (const [uid, { mainField, fields }] of Object.entries(byUid)) {
    const current = await service.findConfiguration({ uid });
    const next = withGuidance(current, fields, mainField);
    if (JSON.stringify(next) !== JSON.stringify(current)) {
      const { settings, metadatas, layouts } = next;
      await service.updateConfiguration({ uid }, { settings, metadatas, layouts });
    }
  }
}

function withGuidance(current: Configuration, fields: Guidance, mainField?: string): Configuration {
  const metadatas = { ...current.metadatas };
  for (const [field, guidance] of Object.entries(fields)) {
    const metadata = metadatas[field];
    if (!metadata) continue;
    metadatas[field] = {
      ...metadata,
      edit: {
        ...metadata.edit,
        label: guidance.label,
        description: guidance.description ?? '',
        placeholder: guidance.placeholder ?? '',
      },
      list: metadata.list ? { ...metadata.list, label: guidance.label } : metadata.list,
    };
  }
  const settings = mainField ? { ...current.settings, mainField } : current.settings;
  return { ...current, settings, metadatas };
}
