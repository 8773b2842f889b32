/** One caption cue: from `start` to `end` seconds, its text without markup. */
export interface Cue {
  start: number;
  end: number;
  text: string;
}

// "00:01:02.500", "01:02.500" (WebVTT) or "00:01:02,500" (SRT).
const TIMESTAMP = /^(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{3})$/;
const TIMING = /^(\S+)\s+-->\s+(\S+)/;
const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&nbsp;': '\u00a0',
  '&lrm;': '',
  '&rlm;': '',
};

function seconds(timestamp: string): number | null {
  const match = TIMESTAMP.exec(timestamp);
  if (!match) return null;
  const [, hours = '0', minutes, secs, millis] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(secs) + Number(millis) / 1000;
}

/** A cue's text as read: voice, class and timestamp tags removed, entities decoded. */
function plainText(lines: string[]): string {
  return lines
    .join(' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:amp|lt|gt|nbsp|lrm|rlm);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The cues of a captions file, WebVTT or SRT (told apart by their content, not their name).
 * Blocks that are not cues (WebVTT's header, NOTE, STYLE, REGION; SRT's numbers) are
 * skipped; a cue with an unreadable timing is skipped rather than failing the whole file.
 */
export function parseCaptions(source: string): Cue[] {
  const blocks = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/);
  const cues: Cue[] = [];
  for (const block of blocks) {
    const lines = block.split('\n').filter((line) => line.trim() !== '');
    const timingLine = lines.findIndex((line) => line.includes('-->'));
    // A cue's timing is its first or second line (after an identifier).
    if (timingLine < 0 || timingLine > 1) continue;
    const timing = TIMING.exec(lines[timingLine]!.trim());
    const start = timing ? seconds(timing[1]!) : null;
    const end = timing ? seconds(timing[2]!) : null;
    if (start === null || end === null) continue;
    const text = plainText(lines.slice(timingLine + 1));
    if (text) cues.push({ start, end, text });
  }
  return cues.sort((a, b) => a.start - b.start);
}

function vttTimestamp(value: number): string {
  const millis = Math.round(value * 1000);
  const pad = (number: number, width = 2) => String(number).padStart(width, '0');
  return `${pad(Math.floor(millis / 3_600_000))}:${pad(Math.floor(millis / 60_000) % 60)}:${pad(Math.floor(millis / 1000) % 60)}.${pad(millis % 1000, 3)}`;
}

const escapeCue = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Cues as a WebVTT file (what `<track>` reads, whatever format the editor uploaded). */
export function toWebVtt(cues: Cue[]): string {
  return `WEBVTT\n\n${cues
    .map((cue) => `${vttTimestamp(cue.start)} --> ${vttTimestamp(cue.end)}\n${escapeCue(cue.text)}`)
    .join('\n\n')}\n`;
}

/** "1:02:05" or "2:05": a moment of a recording as visitors read it. */
export function formatMoment(value: number): string {
  const total = Math.floor(value);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor(total / 60) % 60;
  const secs = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${secs}` : `${minutes}:${secs}`;
}

/**
 * One passage per cue, indexed with its start time (whole seconds): a result opens the
 * recording where the words are said. Cues starting within the same second are one passage.
 */
export function cuePassages(cues: Cue[]): Array<{ start: number; text: string }> {
  const passages: Array<{ start: number; text: string }> = [];
  for (const cue of cues) {
    const start = Math.floor(cue.start);
    const last = passages.at(-1);
    if (last?.start === start) last.text += ` ${cue.text}`;
    else passages.push({ start, text: cue.text });
  }
  return passages;
}
