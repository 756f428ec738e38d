"use client";

import type { ReactNode } from "react";

/** A fieldset of checkboxes choosing some of `options` (in the order they are ticked). */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  chosen,
  label = (o) => o,
  onChange,
  error,
}: {
  legend: string;
  options: readonly T[];
  chosen: T[];
  label?: (option: T) => string;
  onChange: (chosen: T[]) => void;
  error?: ReactNode;
}) {
  return (
    <fieldset className="form-field">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="inline">
          <input
            type="checkbox"
            checked={chosen.includes(option)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, option] : chosen.filter((c) => c !== option))}
          />{" "}
          {label(option)}
        </label>
      ))}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
