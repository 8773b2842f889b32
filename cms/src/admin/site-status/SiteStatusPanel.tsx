import { Box, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { statusMessage, type EditedEntry, type SiteStatus } from './status-message';

// Poll quickly while a build runs, slowly otherwise.
const BUSY_POLL_MS = 2000;
const IDLE_POLL_MS = 15_000;
const TONE_COLOURS = {
  success: 'success600',
  warning: 'warning600',
  danger: 'danger600',
  neutral: 'neutral800',
} as const;

function SiteStatusContent({ entry }: { entry: EditedEntry }) {
  const { get } = useFetchClient();
  const [status, setStatus] = useState<SiteStatus | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    let stopped = false;
    const poll = async () => {
      let next: SiteStatus;
      try {
        next = (await get<SiteStatus>('/dejala/site-status')).data;
      } catch {
        next = { reachable: false };
      }
      if (stopped) return;
      setStatus(next);
      const busy = next.state === 'building' || next.state === 'queued';
      timer = setTimeout(poll, busy ? BUSY_POLL_MS : IDLE_POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [get, entry.publishedAt]);
  const message = statusMessage(status, entry);
  return (
    <Box aria-live="polite">
      <Typography variant="omega" textColor={TONE_COLOURS[message.tone]} fontWeight="semiBold">
        {message.text}
      </Typography>
      {message.advice && (
        <Box paddingTop={2}>
          <Typography variant="pi">{message.advice}</Typography>
        </Box>
      )}
    </Box>
  );
}

interface PanelProps {
  document?: { documentId?: string; publishedAt?: string | null };
  meta?: { availableStatus?: Array<{ publishedAt?: string | null }> };
}

/** Edit-view side panel "Sur le site": is this entry's last publication live yet? */
export const SiteStatusPanel = ({ document, meta }: PanelProps) => {
  // The draft tab shows the draft (publishedAt null): the published version is in the metadata.
  const publishedAt =
    document?.publishedAt ??
    meta?.availableStatus?.find((version) => version.publishedAt)?.publishedAt ??
    null;
  return {
    title: 'Sur le site',
    content: <SiteStatusContent entry={{ documentId: document?.documentId, publishedAt }} />,
  };
};
