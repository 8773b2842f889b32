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
    const fast = statusMessage(
      {
        reachable: true,
        state: 'idle',
        lastBuild: { ...built, path: 'fast', durationMs: 940 },
        liveSince: '2026-11-29T10:00:07.000Z',
        liveContentReadAt: '2026-11-29T10:00:00.000Z',
      },
      { documentId: 'a', publishedAt: '2026-11-29T09:59:58.000Z' },
    );
    expect(fast.text).toMatch(/ \(pages concernées seulement, en 0,9 s\)\.$/);
    const full = statusMessage(
      {
        reachable: true,
        state: 'idle',
        lastBuild: { ...built, path: 'full' },
        liveSince: '2026-11-29T10:00:07.000Z',
        liveContentReadAt: '2026-11-29T10:00:00.000Z',
      },
      { documentId: 'a', publishedAt: '2026-11-29T09:59:58.000Z' },
    );
    expect(full.text).toMatch(/ \(site entier reconstruit, en 6 s\)\.$/);
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

  it('tells the editor of an entry the site could not show what to fix; the others are live', () => {
    const status = {
      reachable: true,
      state: 'idle' as const,
      lastBuild: {
        ...built,
        exceptions: [
          {
            type: 'media-item',
            documentId: 'abc123',
            field: 'body.0.image.alternativeText',
            problem: 'is missing (text alternative of an image)',
            advice:
              'Une image n’a pas de texte alternatif : renseignez-le sur l’image, dans la médiathèque des fichiers.',
          },
          // As recorded before the advice was: the field is still named.
          { type: 'page', documentId: 'page1', field: 'slug', problem: 'is "offres", …' },
        ],
      },
      liveSince: '2026-11-29T10:00:07.000Z',
      liveContentReadAt: '2026-11-29T10:00:00.000Z',
    };
    const published = '2026-11-29T09:00:00.000Z';
    const broken = statusMessage(status, { documentId: 'abc123', publishedAt: published });
    expect(broken.tone).toBe('danger');
    expect(broken.text).toBe(
      'Cette version n’est pas en ligne : le site ne peut pas l’afficher. Il montre la version précédente de la fiche, si elle en avait une.',
    );
    expect(broken.advice).toBe(
      'Champ « body » à corriger. Une image n’a pas de texte alternatif : renseignez-le sur l’image, dans la médiathèque des fichiers. Puis publiez à nouveau.',
    );
    expect(statusMessage(status, { documentId: 'page1', publishedAt: published }).advice).toBe(
      'À corriger : le champ « slug ». Corrigez-le puis publiez à nouveau.',
    );
    const colleague = statusMessage(status, { documentId: 'other', publishedAt: published });
    expect(colleague.tone).toBe('success');
    expect(colleague.text).toMatch(/^En ligne\./);
  });

  it('tells the editor of an entry that went live without an unreadable image which field to fix', () => {
    const status = {
      reachable: true,
      state: 'idle' as const,
      lastBuild: {
        ...built,
        warnings: [
          {
            type: 'case-study',
            documentId: 'etude1',
            field: 'cover',
            problem: 'is not a readable image (/uploads/photo.jpg)',
            advice: 'Son fichier ne peut pas être lu comme une image.',
          },
        ],
      },
      liveSince: '2026-11-29T10:00:07.000Z',
      liveContentReadAt: '2026-11-29T10:00:00.000Z',
    };
    const published = '2026-11-29T09:00:00.000Z';
    const incomplete = statusMessage(status, { documentId: 'etude1', publishedAt: published });
    expect(incomplete).toEqual({
      tone: 'warning',
      text: 'En ligne, sans une image du champ « cover ».',
      advice: 'Son fichier ne peut pas être lu comme une image. Puis publiez à nouveau.',
    });
    // Not yet built: the newer publication may replace the image.
    expect(
      statusMessage(status, { documentId: 'etude1', publishedAt: '2026-11-29T10:00:01.000Z' }).text,
    ).toMatch(/en attente/);
    expect(statusMessage(status, { documentId: 'other', publishedAt: published }).tone).toBe(
      'success',
    );
  });

  it('asks to publish again when a build failed for another reason', () => {
    const message = statusMessage(
      {
        reachable: true,
        state: 'idle',
        lastBuild: { ...built, ok: false, error: 'astro build failed' },
      },
      { documentId: 'this-one', publishedAt: '2026-11-29T09:00:00.000Z' },
    );
    expect(message.tone).toBe('danger');
    expect(message.text).toBe(
      'La dernière mise à jour du site a échoué : le site en ligne n’a pas changé.',
    );
    expect(message.advice).toMatch(/^Publiez à nouveau dans quelques minutes/);
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
