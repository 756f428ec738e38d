"use client";

/** A list page's title and, for those who may write, the toggle of its create form. */
export function ListHead({
  id,
  title,
  createLabel,
  canCreate,
  creating,
  onToggle,
}: {
  id: string;
  title: string;
  createLabel: string;
  canCreate: boolean;
  creating: boolean;
  onToggle: () => void;
}) {
  return (
    <div className="page-head">
      <h1 id={id}>{title}</h1>
      {canCreate ? (
        <button type="button" onClick={onToggle} aria-expanded={creating}>
          {createLabel}
        </button>
      ) : null}
    </div>
  );
}
