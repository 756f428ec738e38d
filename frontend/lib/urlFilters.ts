"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";

/** A list page's filters as kept in its URL (`?stage=&q=...`): read them, change some. */
export function useUrlFilters<K extends string>(path: string, keys: readonly K[]) {
  const router = useRouter();
  const params = useSearchParams();
  const text = params?.toString() ?? "";
  const filters = useMemo(() => {
    const read = new URLSearchParams(text);
    return Object.fromEntries(keys.map((k) => [k, read.get(k) ?? ""])) as Record<K, string>;
    // keys is a constant of the calling page
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);
  const setFilters = useCallback(
    (change: Partial<Record<K, string>>) => {
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(change) as [string, string | undefined][]) {
        if (value && value.trim()) next.set(key, value.trim());
        else next.delete(key);
      }
      const query = next.toString();
      router.replace(query ? `${path}?${query}` : path, { scroll: false });
    },
    [router, path],
  );
  return { filters, setFilters, key: text };
}
