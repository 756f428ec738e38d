"use client";

import type { ApiError } from "@/lib/problem";
import { ProblemMessage } from "./ProblemMessage";

/** The foot of a create form: the failure that names no field, then submit and Cancel. */
export function CreateActions({ error, saving, label, onCancel, busyLabel = "Creating…", failure = "Not created" }: { error: ApiError | null; saving: boolean; label: string; onCancel: () => void; busyLabel?: string; failure?: string }) {
  return (
    <>
      {error && error.fieldErrors.length === 0 ? <ProblemMessage error={error} title={failure} /> : null}
      <div className="form-actions">
        <button type="submit" disabled={saving}>
          {saving ? busyLabel : label}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
