"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "./problem";

export interface Page<T> {
  data: T[];
  next_cursor?: string | null;
}

export interface PagedList<T> {
  items: T[];
  loading: boolean;
  error: ApiError | null;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

/**
 * Keyset pagination: the first page for `key`, then each `next_cursor` on demand.
 * A change of `key` (search, filters) starts over; answers for an older key are dropped.
 */
export function usePagedList<T>(key: string, fetchPage: (cursor: string | null) => Promise<Page<T>>): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, setGeneration] = useState(0);
  const current = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const load = useCallback(async (from: string | null, ticket: number, append: boolean) => {
    setLoading(true);
    setError(null);
    try {
      const page = await fetchRef.current(from);
      if (ticket !== current.current) return;
      setItems((previous) => (append ? [...previous, ...page.data] : page.data));
      setCursor(page.next_cursor ?? null);
      setHasMore(Boolean(page.next_cursor));
    } catch (e) {
      if (ticket !== current.current) return;
      setError(e instanceof ApiError ? e : new ApiError(0, { detail: String(e) }));
    } finally {
      if (ticket === current.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    const ticket = ++current.current;
    setItems([]);
    setCursor(null);
    setHasMore(false);
    void load(null, ticket, false);
  }, [key, generation, load]);

  const loadMore = useCallback(() => {
    if (loading || !cursor) return;
    void load(cursor, current.current, true);
  }, [loading, cursor, load]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  return { items, loading, error, hasMore, loadMore, reload };
}

/** `value`, settled: changes only after `ms` without another change. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
