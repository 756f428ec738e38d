"use client";

import { useLoaded } from "@/lib/useLoaded";
import { loadSegments } from "@/lib/records";

/** A labelled choice of a saved segment (the first 500), `""` for none. */
export function SegmentSelect({
  id,
  label,
  none,
  value,
  onChange,
}: {
  id: string;
  label: string;
  none: string;
  value: string;
  onChange: (segmentId: string) => void;
}) {
  const segments = useLoaded(loadSegments);
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{none}</option>
        {(segments.data ?? []).map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </div>
  );
}
