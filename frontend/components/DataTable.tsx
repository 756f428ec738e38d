"use client";

import Link from "next/link";
import { useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import type { ApiError } from "@/lib/problem";
import { ProblemMessage } from "./ProblemMessage";

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  className?: string;
}

export interface DataTableProps<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** Opens a row (click or Enter); without it rows are plain (their cells hold the actions). */
  onOpen?: (row: T) => void;
  loading: boolean;
  error: ApiError | null;
  hasMore?: boolean;
  onLoadMore?: () => void;
  onRetry?: () => void;
  empty: ReactNode;
}

/**
 * A table of records, keyset-paged when `hasMore`/`onLoadMore` are given. Keyboard: Up/Down (or j/k) move between rows, Home/End jump, Enter
 * opens; "Load more" fetches the next page (no total is counted).
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  onOpen,
  loading,
  error,
  hasMore = false,
  onLoadMore = () => {},
  onRetry,
  empty,
}: DataTableProps<T>) {
  const [active, setActive] = useState(0);
  const body = useRef<HTMLTableSectionElement>(null);
  const focusRow = (index: number) => {
    const bounded = Math.max(0, Math.min(rows.length - 1, index));
    setActive(bounded);
    body.current?.querySelectorAll<HTMLTableRowElement>("tr")[bounded]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number, row: T) => {
    switch (event.key) {
      case "ArrowDown":
      case "j":
        event.preventDefault();
        if (index === rows.length - 1 && hasMore && !loading) onLoadMore();
        focusRow(index + 1);
        break;
      case "ArrowUp":
      case "k":
        event.preventDefault();
        focusRow(index - 1);
        break;
      case "Home":
        event.preventDefault();
        focusRow(0);
        break;
      case "End":
        event.preventDefault();
        focusRow(rows.length - 1);
        break;
      case "Enter":
        event.preventDefault();
        onOpen?.(row);
        break;
    }
  };
  const activeIndex = Math.min(active, Math.max(rows.length - 1, 0));

  return (
    <div className="table-wrap">
      <table className="data-table" aria-busy={loading} aria-rowcount={hasMore ? -1 : rows.length + 1}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.className}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={body}>
          {rows.map((row, index) => (
            <tr
              key={rowKey(row)}
              {...(onOpen
                ? {
                    className: "opens",
                    tabIndex: index === activeIndex ? 0 : -1,
                    onClick: () => onOpen(row),
                    onFocus: () => setActive(index),
                    onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => onKeyDown(e, index, row),
                  }
                : {})}
            >
              {columns.map((c) => (
                <td key={c.header} className={c.className}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {error ? <ProblemMessage error={error} title="Could not load" onRetry={onRetry} /> : null}
      {!loading && !error && rows.length === 0 ? <div className="empty">{empty}</div> : null}
      <div className="table-footer" aria-live="polite">
        {loading ? (
          <span role="status">Loading…</span>
        ) : hasMore ? (
          <button type="button" onClick={onLoadMore}>
            Load more
          </button>
        ) : rows.length > 0 ? (
          <span>
            {rows.length} shown · end of list
          </span>
        ) : null}
      </div>
    </div>
  );
}

/** A record's name in a table whose rows open: a real link (new tab, copy address), not a tab stop. */
export function RowLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} tabIndex={-1} onClick={(e) => e.stopPropagation()}>
      {children}
    </Link>
  );
}
