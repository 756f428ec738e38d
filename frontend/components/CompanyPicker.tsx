"use client";

import { useEffect, useId, useState } from "react";
import { api, call, type Company } from "@/lib/api";
import { useDebounced } from "@/lib/usePagedList";

/**
 * Chooses a company by searching its name: a search box and a select of the first 20 matches.
 * `value` is the company id ("" for none).
 */
export function CompanyPicker({
  label,
  value,
  onChange,
  noneLabel = "— none —",
  error,
  errorId,
}: {
  label: string;
  value: string;
  onChange: (id: string) => void;
  noneLabel?: string;
  error?: string;
  errorId?: string;
}) {
  const id = useId();
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), 250);
  const [options, setOptions] = useState<Company[]>([]);
  const [selected, setSelected] = useState<Company | null>(null);

  useEffect(() => {
    let live = true;
    call(api.GET("/api/companies", { params: { query: { limit: 20, sort: "name", ...(q ? { q } : {}) } } }))
      .then(({ data }) => live && setOptions(data.data))
      .catch(() => live && setOptions([]));
    return () => {
      live = false;
    };
  }, [q]);

  useEffect(() => {
    if (!value || selected?.id === value) return;
    let live = true;
    call(api.GET("/api/companies/{id}", { params: { path: { id: value } } }))
      .then(({ data }) => live && setSelected(data))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [value, selected]);

  const choices = selected && value && !options.some((o) => o.id === selected.id) ? [selected, ...options] : options;

  return (
    <div className="company-picker">
      <label htmlFor={`${id}-select`}>{label}</label>
      <div className="picker-row">
        <input
          type="search"
          aria-label={`Search companies for ${label.toLowerCase()}`}
          placeholder="Search companies…"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <select
          id={`${id}-select`}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            const chosen = choices.find((c) => c.id === e.target.value) ?? null;
            setSelected(chosen);
            onChange(e.target.value);
          }}
        >
          <option value="">{noneLabel}</option>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
