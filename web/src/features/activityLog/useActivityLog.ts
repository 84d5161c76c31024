// The records of one query, page after page: Load more appends the next page (the API's
// continuation token), so that Export writes everything loaded so far.
import { useCallback, useEffect, useRef, useState } from 'react';

import { listRecords, nextRecords, type AuditRecord, type LogQuery } from './api';

export function useActivityLog(query: LogQuery | null) {
  const [records, setRecords] = useState<AuditRecord[]>([]);
  const [continuation, setContinuation] = useState<string | undefined>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Answers to an older query (or a page asked before it) are dropped.
  const generation = useRef(0);

  useEffect(() => {
    if (!query) return;
    const mine = ++generation.current;
    setRecords([]);
    setContinuation(undefined);
    setError(null);
    setLoading(true);
    listRecords(query)
      .then((page) => {
        if (mine !== generation.current) return;
        setRecords(page.items);
        setContinuation(page.continuationToken);
      })
      .catch((e) => mine === generation.current && setError(e))
      .finally(() => mine === generation.current && setLoading(false));
  }, [query]);

  const loadMore = useCallback(() => {
    if (!continuation) return;
    const mine = generation.current;
    setLoading(true);
    setError(null);
    nextRecords(continuation)
      .then((page) => {
        if (mine !== generation.current) return;
        setRecords((r) => [...r, ...page.items]);
        setContinuation(page.continuationToken);
      })
      .catch((e) => mine === generation.current && setError(e))
      .finally(() => mine === generation.current && setLoading(false));
  }, [continuation]);

  return { records, loading, error, hasMore: continuation !== undefined, loadMore };
}
