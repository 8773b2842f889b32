import { PanelMessage } from '../side-panel/PanelMessage';
import { usePolledStatus } from '../side-panel/use-polled-status';
import { statusMessage, type EditedEntry, type SiteStatus } from './status-message';

// Poll quickly while a build runs, slowly otherwise.
const BUSY_POLL_MS = 2000;
const IDLE_POLL_MS = 15_000;

function SiteStatusContent({ entry }: { entry: EditedEntry }) {
  const status = usePolledStatus<SiteStatus>(
    '/dejala/site-status',
    entry.publishedAt ?? '',
    (next) => (next.state === 'building' || next.state === 'queued' ? BUSY_POLL_MS : IDLE_POLL_MS),
    { reachable: false },
  );
  return <PanelMessage message={statusMessage(status, entry)} />;
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
