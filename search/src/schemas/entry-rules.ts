// What the public site can render, per public type: the site's schemas (the contract), and the
// one way to name the first problem of an entry — for the site's loader (English, operators)
// and for the CMS, which refuses such an entry at publish (French, editors).
import type { z } from 'zod';
import type { CollectionName } from '../content-registry.js';
import type { InvalidEntry } from '../site-status.js';
import { SITE_RULES, type SiteRuleName } from './site-rules.js';
import { caseStudy } from './case-study.js';
import { global } from './global.js';
import { homePage } from './home-page.js';
import { mediaItem } from './media-item.js';
import { offer } from './offer.js';
import { page } from './page.js';
import { territory, theme } from './taxonomy.js';
import { training } from './training.js';

/** How the site validates each public type (search/src/content-registry.ts lists them). */
export const SCHEMAS = {
  offers: offer,
  trainings: training,
  mediaItems: mediaItem,
  caseStudies: caseStudy,
  pages: page,
  themes: theme,
  territories: territory,
  homePage,
  global,
} satisfies Record<CollectionName, z.ZodType<{ documentId: string }>>;

type Issue = z.core.$ZodIssue;

/** The site rule an issue breaks, when a schema named one (site-rules.ts). */
function ruleOf(issue: Issue): SiteRuleName | undefined {
  const rule = issue.code === 'custom' ? (issue.params?.rule as string | undefined) : undefined;
  return rule !== undefined && rule in SITE_RULES ? (rule as SiteRuleName) : undefined;
}

const unknownBlock = (issue: Issue, path: PropertyKey[]): Issue => ({
  code: 'custom',
  path,
  input: issue.input,
  message: SITE_RULES.unknownBlock.operators,
  params: { rule: 'unknownBlock' },
});

/**
 * A block that matches no variant of a union is reported by zod at the union itself. The
 * variant whose `type` matched names the actual field (`body.3.image.alternativeText`); when
 * no variant's `type` matched, the node's type itself is unknown.
 */
function deepestIssue(issue: Issue): Issue {
  if (issue.code !== 'invalid_union') return issue;
  // A discriminated union (inline nodes) reports at its discriminator that none matched.
  if (issue.errors.length === 0) return unknownBlock(issue, issue.path);
  const matching = issue.errors.find(
    (branch) => !branch.some((inner) => inner.path.length === 1 && inner.path[0] === 'type'),
  );
  if (!matching) return unknownBlock(issue, [...issue.path, 'type']);
  const inner = matching[0]!;
  return deepestIssue({ ...inner, path: [...issue.path, ...inner.path] } as Issue);
}

/** An entry checked against its schema: its parsed data, or its first problem for the site. */
export type CheckedEntry<T> =
  { ok: true; data: T } | { ok: false; invalid: InvalidEntry & { advice: string }; issue: Issue };

/** Checks one entry as the CMS returns it (REST or Document Service, populated as the registry says). */
export function checkEntry<T>(
  schema: z.ZodType<T>,
  typeName: string,
  raw: Record<string, unknown>,
): CheckedEntry<T> {
  // The input is kept on issues: a missing field and a wrong one read differently to editors.
  const result = schema.safeParse(raw, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  const issue = deepestIssue(result.error.issues[0]!);
  return {
    ok: false,
    issue,
    invalid: {
      type: typeName,
      documentId: String(raw.documentId ?? '(no documentId)'),
      field: issue.path.length > 0 ? issue.path.join('.') : '(entry)',
      problem: ruleOf(issue) ? issue.message : issue.message.toLowerCase(),
      advice: editorsMessage(issue),
    },
  };
}

/** What an editor reads under the field in the edit form: what to change, in French. */
export function editorsMessage(issue: Issue): string {
  const rule = ruleOf(issue);
  if (rule) return SITE_RULES[rule].editors;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null
        ? 'Ce champ est obligatoire pour publier.'
        : 'Ce champ n’a pas la forme attendue par le site.';
    case 'invalid_value':
      return 'Cette valeur ne fait pas partie des choix proposés.';
    case 'too_small':
      return 'Ce champ est trop court, ou il manque des éléments.';
    case 'too_big':
      return 'Ce champ est trop long, ou il contient trop d’éléments.';
    default:
      return 'Ce champ ne peut pas être affiché par le site tel qu’il est.';
  }
}
