import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';

/**
 * Reads an admin route's status, then again after `nextPollMs(status)` milliseconds (null:
 * stop), and afresh whenever `version` changes (the entry was saved or published). A failed
 * request gives `onError` — the panel says so rather than showing nothing.
 */
export function usePolledStatus<T>(
  url: string,
  version: string,
  nextPollMs: (status: T) => number | null,
  onError: T,
): T | null {
  const { get } = useFetchClient();
  const [status, setStatus] = useState<T | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    let stopped = false;
    const poll = async () => {
      let next: T;
      try {
        next = (await get<T>(url)).data;
      } catch {
        next = onError;
      }
      if (stopped) return;
      setStatus(next);
      const delay = nextPollMs(next);
      if (delay !== null) timer = setTimeout(poll, delay);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // The callbacks are the panel's constants: only the address and the version restart it.
  }, [get, url, version]);
  return status;
}
