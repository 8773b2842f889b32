import type { DocumentTextStatus } from '../../search-sync/document-text-status';
import { PanelMessage } from '../side-panel/PanelMessage';
import { usePolledStatus } from '../side-panel/use-polled-status';
import { textStatusMessage } from './text-status-message';

const MEDIA = 'api::media-item.media-item';
// Asked again while the file is being read or indexed; once it is, the answer stays.
const BUSY_POLL_MS = 3000;

function DocumentTextContent({ documentId, version }: { documentId: string; version: string }) {
  const status = usePolledStatus<DocumentTextStatus | null>(
    `/dejala/document-text/${documentId}`,
    version,
    (next) =>
      !next || next.state === 'pending' || next.state === 'indexing' ? BUSY_POLL_MS : null,
    null,
  );
  return <PanelMessage message={textStatusMessage(status)} />;
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
