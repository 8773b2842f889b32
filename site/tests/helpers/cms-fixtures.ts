// Content the seed does not have but the templates must show: an uploaded report (PDF), a
// podcast episode (audio file), a YouTube video, a training session, an image inside text,
// cover photographs, and an entry full of hostile markup. Written through the REST API with a
// full-access token.
import fs from 'node:fs';
import { photographMaker } from '../../../cms/seed/synthetic-photos';
import { FIXTURE_PDFS, fixturePdf } from '../../../search/tests/fixtures/fixture-pdfs';

/** A 1×1 PNG: enough for an image the CMS accepts. */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A valid WAV file of 0.2 s of silence (8 kHz, 8-bit mono). */
function silentWav(): Buffer {
  const samples = 1600;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(8000, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples, 40);
  return Buffer.concat([header, Buffer.alloc(samples, 128)]);
}

/** The report's PDF: made by LibreOffice, with a sentence found only on its page 7. */
const REPORT_PDF = FIXTURE_PDFS.find((fixture) => fixture.name === 'rapport-littoral')!;
export const REPORT_PAGE_7 = { sentence: REPORT_PDF.sentence, page: REPORT_PDF.page };

/** An uploaded file as Strapi returns it (an image block embeds the whole object). */
export interface Upload {
  id: number;
  url: string;
  [field: string]: unknown;
}

/** Uploads a file to the media library (with its text alternative, when given). */
export async function upload(
  cmsUrl: string,
  token: string,
  name: string,
  type: string,
  bytes: Buffer,
  alternativeText?: string,
): Promise<Upload> {
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(bytes)], { type }), name);
  if (alternativeText) form.append('fileInfo', JSON.stringify({ alternativeText }));
  const response = await fetch(`${cmsUrl}/api/upload`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (!response.ok) throw new Error(`upload ${name}: ${response.status} ${await response.text()}`);
  const [file] = (await response.json()) as Upload[];
  return file;
}

/** A write to the Content API (`POST media-items`, `PUT offers/…`): its `data`. */
export async function send(
  cmsUrl: string,
  token: string,
  method: string,
  path: string,
  data: unknown,
): Promise<any> {
  const response = await fetch(`${cmsUrl}/api/${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ data }),
  });
  if (!response.ok)
    throw new Error(`${method} /api/${path}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { data: any }).data;
}

export const HOSTILE_SLUG = 'fiche-piegee';
export const REPORT_SLUG = 'rapport-avec-fichier';
export const PODCAST_SLUG = 'podcast-de-la-riviere';
export const VIDEO_SLUG = 'video-youtube';
export const TRAINING_SLUG = 'se-former-au-dialogue-territorial';
/** Entries of the seed given a cover photograph: their pages, cards and thumbnails show it. */
export const COVERED = {
  offer: 'atelier-de-dialogue-territorial',
  caseStudy: 'convention-citoyenne-de-clermont-ferrand',
} as const;

/** What the recordings' captions and transcript say, for tests that search or show them. */
export const RECORDING_WORDS = {
  podcastCue: { words: 'kayakistes', start: 12, moment: '0:12' },
  videoCue: { words: 'bergers de l’Aigoual', start: 65, moment: '1:05' },
  videoTranscript: { words: 'charte des sentiers partagés' },
};

/** The podcast's captions, in SubRip (SRT): the site serves them as WebVTT. */
const PODCAST_SRT = `1
00:00:02,000 --> 00:00:06,000
Bienvenue dans ce podcast sur la médiation entre usagers de la rivière.

2
00:00:12,500 --> 00:00:17,000
Les pêcheurs et les ${RECORDING_WORDS.podcastCue.words} se sont retrouvés au bord du Gardon.
`;

const VIDEO_VTT = `WEBVTT

00:00:01.000 --> 00:00:04.000
Une journée de concertation dans les Cévennes.

00:01:05.000 --> 00:01:09.000
Les <b>${RECORDING_WORDS.videoCue.words}</b> ont témoigné face caméra.
`;

const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children });
const text = (value: string) => ({ type: 'text', text: value });

/** The documentId of a seeded entry. */
async function documentIdOf(
  cmsUrl: string,
  token: string,
  collection: string,
  slug: string,
): Promise<string> {
  const response = await fetch(`${cmsUrl}/api/${collection}?filters[slug][$eq]=${slug}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const [entry] = ((await response.json()) as { data: Array<{ documentId: string }> }).data;
  if (!entry) throw new Error(`no ${collection} ${slug} in the seed`);
  return entry.documentId;
}

/** Adds the fixture content to a seeded CMS; every entry is published. */
export async function addFixtureContent(cmsUrl: string, token: string): Promise<void> {
  const photograph = photographMaker(3);
  // One cover says something the title does not (a text alternative); the others decorate.
  const offerCover = await upload(
    cmsUrl,
    token,
    'atelier-en-salle.jpg',
    'image/jpeg',
    await photograph(0),
    'Une vingtaine de participants autour de tables, cartes du territoire étalées',
  );
  const caseStudyCover = await upload(
    cmsUrl,
    token,
    'convention-citoyenne.jpg',
    'image/jpeg',
    await photograph(1),
  );
  const videoCover = await upload(
    cmsUrl,
    token,
    'tournage-cevennes.jpg',
    'image/jpeg',
    await photograph(2),
  );
  await send(
    cmsUrl,
    token,
    'PUT',
    `offers/${await documentIdOf(cmsUrl, token, 'offers', COVERED.offer)}`,
    { cover: offerCover.id },
  );
  await send(
    cmsUrl,
    token,
    'PUT',
    `case-studies/${await documentIdOf(cmsUrl, token, 'case-studies', COVERED.caseStudy)}`,
    { cover: caseStudyCover.id },
  );
  const pdf = await upload(
    cmsUrl,
    token,
    'rapport-annuel.pdf',
    'application/pdf',
    fs.readFileSync(fixturePdf(REPORT_PDF.name)),
  );
  const wav = await upload(cmsUrl, token, 'episode-1.wav', 'audio/wav', silentWav());
  const podcastCaptions = await upload(
    cmsUrl,
    token,
    'episode-1.srt',
    'application/x-subrip',
    Buffer.from(PODCAST_SRT),
  );
  const videoCaptions = await upload(
    cmsUrl,
    token,
    'video.vtt',
    'text/vtt',
    Buffer.from(VIDEO_VTT),
  );
  const map = await upload(
    cmsUrl,
    token,
    'carte.png',
    'image/png',
    PNG_1X1,
    'Carte du bassin versant de l’Orb',
  );
  await send(cmsUrl, token, 'POST', 'media-items', {
    title: 'Rapport annuel avec fichier',
    slug: REPORT_SLUG,
    type: 'rapport',
    summary: 'Un rapport téléchargeable au format PDF sur la concertation autour de l’eau.',
    year: 2024,
    file: pdf.id,
    body: [
      paragraph(text('Le rapport complet est joint.')),
      { type: 'image', image: map, children: [text('')] },
    ],
  });
  await send(cmsUrl, token, 'POST', 'media-items', {
    title: 'Podcast de la rivière',
    slug: PODCAST_SLUG,
    type: 'podcast',
    summary: 'Un épisode sur la médiation entre usagers de la rivière.',
    year: 2025,
    durationMinutes: 32,
    file: wav.id,
    captions: podcastCaptions.id,
  });
  await send(cmsUrl, token, 'POST', 'media-items', {
    title: 'Vidéo hébergée sur YouTube',
    slug: VIDEO_SLUG,
    type: 'vidéo',
    summary: 'Une vidéo dont le lecteur ne se charge qu’à la demande.',
    year: 2023,
    externalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    captions: videoCaptions.id,
    cover: videoCover.id,
    transcript: [
      paragraph(
        text(
          `Les élus du Vigan présentent la ${RECORDING_WORDS.videoTranscript.words} entre randonneurs et éleveurs.`,
        ),
      ),
    ],
  });
  await send(cmsUrl, token, 'POST', 'media-items', {
    title: '<script>window.__pwned = 1</script> Fiche piégée',
    slug: HOSTILE_SLUG,
    type: 'article',
    summary: '<img src=x onerror="window.__pwned = 2"> Résumé piégé',
    year: 2021,
    body: [
      paragraph(text('Un lien '), {
        type: 'link',
        url: 'https://example.org/"onmouseover="window.__pwned=3',
        children: [text('piégé')],
      }),
      paragraph(text('<iframe src="https://evil.example"></iframe>')),
    ],
  });
  await send(
    cmsUrl,
    token,
    'PUT',
    `trainings/${await documentIdOf(cmsUrl, token, 'trainings', TRAINING_SLUG)}`,
    {
      duration: '3 jours (21 heures)',
      sessions: [
        {
          startDate: '2027-03-10',
          endDate: '2027-03-12',
          place: 'Montpellier',
          mode: 'onsite',
          seats: 14,
          status: 'open',
          registrationUrl: 'https://example.org/inscription',
        },
        { startDate: '2027-06-02', mode: 'online', status: 'full' },
      ],
    },
  );
}
