import { CONTENT_MANAGER_FR } from './content-manager-fr';
import { CORE_FR } from './core-fr';
import { I18N_FR } from './i18n-fr';
import { UPLOAD_FR } from './upload-fr';

/** A plugin's texts as the admin's `translations` take them: keys prefixed by the plugin. */
const ofPlugin = (plugin: string, texts: Record<string, string>) =>
  Object.fromEntries(Object.entries(texts).map(([key, text]) => [`${plugin}.${key}`, text]));

/** The admin's French texts besides Strapi's own (config.translations.fr in app.tsx). */
export const ADMIN_FR: Record<string, string> = {
  ...CORE_FR,
  ...ofPlugin('content-manager', CONTENT_MANAGER_FR),
  ...ofPlugin('upload', UPLOAD_FR),
  ...ofPlugin('i18n', I18N_FR),
};
