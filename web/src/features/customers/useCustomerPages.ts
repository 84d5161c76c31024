// The customer list's paging: the API pages forward with continuation tokens, so the tokens of
// the pages seen are kept to go back.
import { useCallback, useEffect, useState } from 'react';

import { listCustomers, type Customer, type PageQuery } from './api';

export type ListQuery = Omit<PageQuery, 'continuation'>;

export function useCustomerPages(query: ListQuery) {
  // tokens[i]: the continuation token that fetches page i (none for the first page)
  const [tokens, setTokens] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState(0);
  const [items, setItems] = useState<Customer[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  // A new search starts again at the first page.
  const key = JSON.stringify(query);
  useEffect(() => {
    setTokens([undefined]);
    setPage(0);
  }, [key]);

  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(null);
    listCustomers({ ...query, continuation: tokens[page] })
      .then((result) => {
        if (!current) return;
        setItems(result.items);
        setTokens((t) => {
          const next = t.slice(0, page + 1);
          if (result.continuationToken) next.push(result.continuationToken);
          return next;
        });
      })
      .catch((e) => current && setError(e))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
    // tokens is updated here; the page and the query decide what to fetch
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [page, key]);

  const hasNext = tokens.length > page + 1;
  return {
    items,
    loading,
    error,
    page,
    hasPrevious: page > 0,
    hasNext,
    next: useCallback(() => setPage((p) => p + 1), []),
    previous: useCallback(() => setPage((p) => Math.max(0, p - 1)), []),
  };
}
