import { Box, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import type { DocumentTextStatus } from '../../search-sync/document-text-status';
import { textStatusMessage } from './text-status-message';

const MEDIA = 'api::media-item.media-item';
// Asked again while the file is being read or indexed.
const BUSY_POLL_MS = 3000;
const TONE_COLOURS = {
  success: 'success600',
  warning: 'warning600',
  neutral: 'neutral800',
} as const;

function DocumentTextContent({ documentId, version }: { documentId: string; version: string }) {
  const { get } = useFetchClient();
  const [status, setStatus] = useState<DocumentTextStatus | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    let stopped = false;
    const poll = async () => {
      let next: DocumentTextStatus | null;
      try {
        next = (await get<DocumentTextStatus>(`/dejala/document-text/${documentId}`)).data;
      } catch {
        next = null;
      }
      if (stopped) return;
      setStatus(next);
      if (!next || next.state === 'pending' || next.state === 'indexing') {
        timer = setTimeout(poll, BUSY_POLL_MS);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [get, documentId, version]);
  const message = textStatusMessage(status);
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
  model?: string;
  document?: { documentId?: string; updatedAt?: string; publishedAt?: string | null };
}

/** Edit-view side panel of médiathèque items: "Recherche dans le document". */
export const DocumentTextPanel = ({ model, document }: PanelProps) => {
  if (model !== MEDIA || !document?.documentId) return null;
  return {
    title: 'Recherche dans le document',
    content: (
      <DocumentTextContent
        documentId={document.documentId}
        version={`${document.updatedAt ?? ''}|${document.publishedAt ?? ''}`}
      />
    ),
  };
};
