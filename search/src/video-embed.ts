// Videos hosted by YouTube or Vimeo play in their privacy-enhanced players, and only on the
// item's separate player page (`/lecture/`), so that nothing is loaded from them before a
// visitor asks. Shared by the site (the page) and the search (links to a moment of it).

export interface VideoEmbed {
  provider: 'YouTube' | 'Vimeo';
  embedUrl: string;
  /** The host's own still of the video (YouTube's; Vimeo gives its stills through its API). */
  thumbnailUrl?: string;
}

const YOUTUBE_ID = /^[\w-]{11}$/;

const YOUTUBE_PLAYER = 'https://www.youtube-nocookie.com';
const VIMEO_PLAYER = 'https://player.vimeo.com';
/** Where the players below load from: the only frames the site's pages may hold. */
export const VIDEO_PLAYER_ORIGINS = [YOUTUBE_PLAYER, VIMEO_PLAYER];

export function videoEmbed(externalUrl: string): VideoEmbed | null {
  let url: URL;
  try {
    url = new URL(externalUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.replace(/^(www\.|m\.)/, '');
  let youtubeId: string | null = null;
  if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    youtubeId =
      url.pathname === '/watch' ? url.searchParams.get('v') : (url.pathname.split('/')[2] ?? null);
  } else if (host === 'youtu.be') {
    youtubeId = url.pathname.slice(1);
  }
  if (youtubeId && YOUTUBE_ID.test(youtubeId)) {
    return {
      provider: 'YouTube',
      embedUrl: `${YOUTUBE_PLAYER}/embed/${youtubeId}`,
      thumbnailUrl: `https://i.ytimg.com/vi/${youtubeId}/hqdefault.jpg`,
    };
  }
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const id = url.pathname.split('/').find((part) => /^\d+$/.test(part));
    if (id) return { provider: 'Vimeo', embedUrl: `${VIMEO_PLAYER}/video/${id}?dnt=1` };
  }
  return null;
}

/** The player started at a moment: YouTube's `start`, Vimeo's `#t=`. */
export function embedAt(embed: VideoEmbed, seconds: number): string {
  const at = Math.max(0, Math.floor(seconds));
  if (embed.provider === 'Vimeo') return `${embed.embedUrl}#t=${at}s`;
  const url = new URL(embed.embedUrl);
  url.searchParams.set('start', String(at));
  return url.href;
}
