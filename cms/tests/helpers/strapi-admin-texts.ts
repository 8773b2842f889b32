import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(new URL('../../package.json', import.meta.url));

/**
 * The admin's packages whose screens an Éditeur opens, by the prefix of their texts ('' for
 * the admin's own). Left out: the content-type builder, users & permissions and email
 * plugins (Settings screens, administrators only) and releases and review workflows (paid
 * plans; off without a licence).
 */
const EDITOR_PACKAGES: Record<string, string> = {
  '': '@strapi/admin',
  'content-manager': '@strapi/content-manager',
  upload: '@strapi/upload',
  i18n: '@strapi/i18n',
};

/**
 * Code no Éditeur runs: Enterprise (paid plan) features and their upsell, the Settings
 * screens but their overview (administrators only), the guided tour (off, see
 * src/admin/app.tsx) and Strapi AI (a paid Strapi Cloud service).
 */
const NOT_FOR_EDITORS =
  /\/ee\/|Settings(?!\/pages\/ApplicationInfo\/)|settings|Purchase|purchase|Upsell|FreeTrial|TrialCountdown|GuidedTour|\/ai\/|AIMetadata|tests\//;

const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

const adminDir = (prefix: string, name: string) =>
  path.join(packageDir(name), prefix ? 'dist/admin' : 'dist/admin/admin/src');

/** A package's texts in one language as the admin looks them up: keys with their prefix. */
export function strapiTexts(prefix: string, language: string): Record<string, string> {
  const name = EDITOR_PACKAGES[prefix];
  if (!name) throw new Error(`no admin package for the prefix "${prefix}"`);
  const file = path.join(adminDir(prefix, name), 'translations', `${language}.json.js`);
  const loaded = require(file) as Record<string, string> | { default: Record<string, string> };
  const texts = 'default' in loaded ? loaded.default : loaded;
  return Object.fromEntries(
    Object.entries(texts).map(([key, text]) => [prefix ? `${prefix}.${key}` : key, text]),
  );
}

/** Every package's texts in one language, keyed as the admin looks them up. */
export function allStrapiTexts(language: string): Record<string, string> {
  return Object.assign({}, ...Object.keys(EDITOR_PACKAGES).map((p) => strapiTexts(p, language)));
}

// `id: 'key', defaultMessage: 'text'` or `id: getTranslation('key'), defaultMessage: …` as
// the packages' built code writes a message; ids built at run time (`${…}`) are not read
// here.
const MESSAGE =
  /id:\s*(getTranslation\(\s*|getTranslationKey\(\s*|getTrad\(\s*)?(['"`])([^'"`$]+)\2\)?\s*,\s*defaultMessage:\s*(['"`])((?:\\.|(?!\4).)*)\4/gs;

const unescape = (literal: string) =>
  literal.replace(/\\(.)/g, (_, char: string) => (char === 'n' ? '\n' : char));

/**
 * The messages the editors' screens ask for, read from the installed packages' code: each
 * key as the admin looks it up, with the English the code falls back to.
 */
export function messagesAskedFor(): Map<string, string> {
  const messages = new Map<string, string>();
  for (const [prefix, name] of Object.entries(EDITOR_PACKAGES)) {
    const root = adminDir(prefix, name);
    const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' });
    for (const file of files) {
      if (!file.endsWith('.mjs') || file.startsWith('translations')) continue;
      if (NOT_FOR_EDITORS.test(`/${file}`)) continue;
      const code = fs.readFileSync(path.join(root, file), 'utf8');
      for (const match of code.matchAll(MESSAGE)) {
        const [, translated, , id, , text] = match;
        const key = translated && prefix ? `${prefix}.${id}` : id!;
        if (!messages.has(key)) messages.set(key, unescape(text!));
      }
    }
  }
  return messages;
}

// The design system's English defaults (`closeLabel = "Close modal"`, a loader's "Loading"):
// shown wherever Strapi's code does not pass a label of its own.
const DESIGN_SYSTEM_DEFAULT =
  /\b\w*(?:Label|label|Message|placeholder): \w+ = "([^"]+)"|children: "(Loading)"/g;

/** The English the design system writes when Strapi's code gives it no text. */
export function designSystemEnglish(): Set<string> {
  const code = fs.readFileSync(
    path.join(packageDir('@strapi/design-system'), 'dist/index.mjs'),
    'utf8',
  );
  const defaults = [...code.matchAll(DESIGN_SYSTEM_DEFAULT)].map((m) => (m[1] ?? m[2])!);
  // "Pagination" is French as well.
  return new Set(defaults.filter((text) => text !== 'Pagination'));
}
