import type { Training, TrainingSession } from '@dejala/search/schemas/training';
import { knownText } from './known-text';
import { SESSION_MODE_SCHEMA } from './training-labels';

/** A price in euros from the training's price text ("1 200 € HT", "450 euros"), if it says one. */
export function priceInEuros(text: string | null | undefined): number | undefined {
  const known = knownText(text);
  const match = known && /(\d[\d\s\u202f.]*(?:,\d{1,2})?)\s*(€|euros?\b)/i.exec(known);
  if (!match) return undefined;
  const amount = Number(match[1]!.replace(/[\s\u202f.]/g, '').replace(',', '.'));
  return Number.isFinite(amount) ? amount : undefined;
}

function sessionLocation(session: TrainingSession, pageUrl: string) {
  if (session.mode === 'online') return { '@type': 'VirtualLocation', url: pageUrl };
  const place = knownText(session.place);
  return place ? { '@type': 'Place', name: place, address: place } : undefined;
}

/**
 * schema.org Course with one CourseInstance per session that is not cancelled (mode, start,
 * place) and an Offer when the price text gives an amount. Fields still "À compléter" are
 * left out.
 */
export function courseJsonLd(
  training: Training,
  pageUrl: string,
  provider: { name: string; url: string },
) {
  const price = priceInEuros(training.price);
  const audience = knownText(training.audience);
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    name: training.title,
    description: knownText(training.summary) ?? training.title,
    url: pageUrl,
    inLanguage: 'fr',
    provider: { '@type': 'Organization', ...provider },
    audience: audience ? { '@type': 'Audience', audienceType: audience } : undefined,
    coursePrerequisites: knownText(training.prerequisites),
    offers:
      price === undefined
        ? undefined
        : {
            '@type': 'Offer',
            category: price === 0 ? 'Free' : 'Paid',
            price,
            priceCurrency: 'EUR',
            url: pageUrl,
          },
    hasCourseInstance: training.sessions
      .filter((session) => session.status !== 'cancelled')
      .map((session) => ({
        '@type': 'CourseInstance',
        courseMode: SESSION_MODE_SCHEMA[session.mode],
        startDate: session.startDate,
        endDate: session.endDate ?? undefined,
        location: sessionLocation(session, pageUrl),
        maximumAttendeeCapacity: session.seats ?? undefined,
      })),
  };
}
