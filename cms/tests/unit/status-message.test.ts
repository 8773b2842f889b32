import { describe, expect, it } from 'vitest';
import { statusMessage } from '../../src/admin/site-status/status-message';

const built = {
  ok: true,
  startedAt: '2026-11-29T10:00:00.000Z',
  finishedAt: '2026-11-29T10:00:06.000Z',
  durationMs: 6000,
  reasons: ['entry.publish api::media-item.media-item'],
};

describe('site status shown to editors', () => {
  it('says an entry is live once a build started after its publication', () => {
    const message = statusMessage(
      {
        reachable: true,
        state: 'idle',
        lastBuild: built,
        liveSince: '2026-11-29T10:00:07.000Z',
        liveContentReadAt: '2026-11-29T10:00:00.000Z',
      },
      { documentId: 'a', publishedAt: '2026-11-29T09:59:58.000Z' },
    );
    expect(message.tone).toBe('success');
    expect(message.text).toMatch(/^En ligne\. Site mis à jour le 29 novembre 2026/);
  });

  it('says an update is coming when the publication is newer than the live build’s content, or a build runs', () => {
    expect(
      statusMessage(
        { reachable: true, state: 'idle', lastBuild: null, liveContentReadAt: built.startedAt },
        { publishedAt: '2026-11-29T10:00:01.000Z' },
      ).text,
    ).toMatch(/en attente/);
    expect(
      statusMessage({ reachable: true, state: 'building', lastBuild: built }, { publishedAt: null })
        .text,
    ).toMatch(/^Mise à jour du site en cours/);
  });

  it('explains a failed build in French, naming what to fix in this entry', () => {
    const message = statusMessage(
      {
        reachable: true,
        state: 'idle',
        lastBuild: {
          ...built,
          ok: false,
          error: 'astro build failed: CMS entry media-item abc123: field …',
          invalidEntry: {
            type: 'media-item',
            documentId: 'abc123',
            field: 'body.0.image.alternativeText',
            problem: 'is missing (text alternative of an image)',
          },
        },
      },
      { documentId: 'abc123', publishedAt: '2026-11-29T09:00:00.000Z' },
    );
    expect(message.tone).toBe('danger');
    expect(message.text).toBe(
      'La dernière mise à jour du site a échoué : le site en ligne n’a pas changé.',
    );
    expect(message.advice).toBe(
      'Cette fiche ne peut pas être affichée : une image sans texte alternatif (renseignez-le sur l’image, dans la médiathèque des fichiers). Corrigez-la puis publiez-la à nouveau.',
    );
  });

  it('names another entry by its documentId and the field to fix; a failure without an entry asks to publish again', () => {
    const failed = (invalidEntry?: {
      type: string;
      documentId: string;
      field: string;
      problem: string;
    }) =>
      statusMessage(
        {
          reachable: true,
          state: 'idle',
          lastBuild: { ...built, ok: false, error: 'astro build failed', invalidEntry },
        },
        { documentId: 'this-one', publishedAt: '2026-11-29T09:00:00.000Z' },
      ).advice;
    expect(
      failed({ type: 'page', documentId: 'other', field: 'slug', problem: 'is "offres", …' }),
    ).toBe(
      'La fiche other ne peut pas être affichée : le champ « slug ». Corrigez-la puis publiez-la à nouveau.',
    );
    expect(failed()).toMatch(/^Publiez à nouveau dans quelques minutes/);
  });

  it('tells editors their work is kept when the site server is down, and what a draft means', () => {
    expect(statusMessage({ reachable: false }, {}).advice).toMatch(
      /seront mises en ligne à son retour/,
    );
    expect(
      statusMessage({ reachable: true, state: 'idle', lastBuild: built }, { publishedAt: null })
        .text,
    ).toBe('Cette fiche n’est pas publiée : elle n’apparaît pas sur le site.');
  });
});
