import { CONTENT_MANAGER_FR } from './content-manager-fr';

/** A plugin's texts as the admin's `translations` take them: keys prefixed by the plugin. */
const ofPlugin = (plugin: string, texts: Record<string, string>) =>
  Object.fromEntries(Object.entries(texts).map(([key, text]) => [`${plugin}.${key}`, text]));

/** The admin's French texts besides Strapi's own (config.translations.fr in app.tsx). */
export const ADMIN_FR: Record<string, string> = {
  ...ofPlugin('content-manager', CONTENT_MANAGER_FR),
};
