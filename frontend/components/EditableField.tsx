"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";

export interface EditableFieldProps {
  label: string;
  /** The API field name; 422 errors for it are shown here. */
  name: string;
  value: string;
  type?: "text" | "email" | "tel" | "url" | "date";
  /** A text area (Save button to save; Escape cancels). */
  multiline?: boolean;
  options?: { value: string; label: string }[];
  canEdit: boolean;
  error?: string;
  hint?: string;
  /** Where the value leads (a reference's record page): shown as a link. */
  href?: string;
  /** The editor was cancelled (the page forgets this field's error). */
  onCancel?: () => void;
  /** A change closes the editor (a conflict was resolved by reloading or reapplying). */
  resetKey?: number;
  /** Saves the new text; throws (and stays in edit mode) when the save failed. */
  onSave: (value: string) => Promise<void>;
}

/** A labelled value with inline editing: Enter saves, Escape cancels; a field error shows next to it. */
export function EditableField({ label, name, value, type = "text", multiline, options, canEdit, error, hint, href, resetKey, onCancel, onSave }: EditableFieldProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [saving, setSaving] = useState(false);
  const inputRef = useRef<HTMLInputElement & HTMLSelectElement & HTMLTextAreaElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;

  useEffect(() => {
    if (!editing) setDraft(value);
  }, [value, editing]);

  useEffect(() => {
    if (editing) inputRef.current?.focus();
  }, [editing]);

  useEffect(() => {
    setEditing(false);
  }, [resetKey]);

  // A field error from the server reopens the editor so it can be fixed in place.
  useEffect(() => {
    if (error) setEditing(true);
  }, [error]);

  const stop = () => {
    setEditing(false);
    setDraft(value);
    onCancel?.();
    setTimeout(() => editRef.current?.focus(), 0);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (draft === value) {
      stop();
      return;
    }
    setSaving(true);
    try {
      await onSave(draft);
      setEditing(false);
      setTimeout(() => editRef.current?.focus(), 0);
    } catch {
      // The caller shows what went wrong (field error, conflict dialog, problem).
    } finally {
      setSaving(false);
    }
  };

  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;

  return (
    <div className={`field${error ? " has-error" : ""}`} data-field={name}>
      {editing ? (
        <form onSubmit={submit} className="field-edit" aria-label={`Edit ${label}`} noValidate>
          <label htmlFor={id}>{label}</label>
          {options ? (
            <select
              id={id}
              ref={inputRef}
              value={draft}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => e.key === "Escape" && stop()}
            >
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : multiline ? (
            <textarea
              id={id}
              ref={inputRef}
              rows={Math.min(16, Math.max(4, draft.split("\n").length + 1))}
              value={draft}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => e.key === "Escape" && stop()}
            />
          ) : (
            <input
              id={id}
              ref={inputRef}
              type={type}
              value={draft}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => e.key === "Escape" && stop()}
            />
          )}
          <div className="field-actions">
            <button type="submit" disabled={saving}>
              {saving ? "Saving…" : "Save"}
            </button>
            <button type="button" className="secondary" onClick={stop} disabled={saving}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="field-view">
          <span className="field-label" id={`${id}-label`}>
            {label}
          </span>
          <span className={multiline ? "field-value multiline" : "field-value"} aria-labelledby={`${id}-label`}>
            {href && value ? <Link href={href}>{value}</Link> : options ? (options.find((o) => o.value === value)?.label ?? (value || "—")) : value || "—"}
          </span>
          {canEdit ? (
            <button type="button" ref={editRef} className="link" onClick={() => setEditing(true)} aria-label={`Edit ${label}`}>
              Edit
            </button>
          ) : null}
        </div>
      )}
      {hint && editing ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
