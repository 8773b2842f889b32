import type { Training } from '@dejala/search/schemas/training';
import { SESSION_MODE_SCHEMA } from './training-labels';

/** schema.org Course with one CourseInstance per session that is not cancelled. */
export function courseJsonLd(training: Training, pageUrl: string, organizationName: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    name: training.title,
    description: training.summary,
    url: pageUrl,
    inLanguage: 'fr',
    provider: { '@type': 'Organization', name: organizationName },
    audience: training.audience
      ? { '@type': 'Audience', audienceType: training.audience }
      : undefined,
    coursePrerequisites: training.prerequisites ?? undefined,
    hasCourseInstance: training.sessions
      .filter((session) => session.status !== 'cancelled')
      .map((session) => ({
        '@type': 'CourseInstance',
        courseMode: SESSION_MODE_SCHEMA[session.mode],
        startDate: session.startDate,
        endDate: session.endDate ?? undefined,
        location: session.place ?? undefined,
        maximumAttendeeCapacity: session.seats ?? undefined,
      })),
  };
}
