"use client";

import { useId, useState, type ReactNode } from "react";
import { AppShell } from "@/components/AppShell";
import { useObjectChoices, type SchemaObject } from "@/lib/customFields";
import { AdminOnly } from "@/app/admin/users/UsersAdmin";

/** An admin page of per-object settings (fields, triggers, sharing): a title, an explanation,
 * a picker of the object, and the settings of the picked one. */
export function ObjectSettings({
  title,
  intro,
  initial,
  children,
}: {
  title: string;
  intro: ReactNode;
  initial: SchemaObject;
  children: (object: SchemaObject) => ReactNode;
}) {
  return (
    <AppShell>
      <AdminOnly>
        <Picked title={title} intro={intro} initial={initial}>
          {children}
        </Picked>
      </AdminOnly>
    </AppShell>
  );
}

function Picked({ title, intro, initial, children }: Parameters<typeof ObjectSettings>[0]) {
  const [object, setObject] = useState<SchemaObject>(initial);
  const pickerId = useId();
  const titleId = useId();
  const choices = useObjectChoices();
  return (
    <section aria-labelledby={titleId}>
      <h1 id={titleId}>{title}</h1>
      <p className="muted">{intro}</p>
      <div className="form-field">
        <label htmlFor={pickerId}>Records</label>
        <select id={pickerId} value={object} onChange={(e) => setObject(e.target.value as SchemaObject)}>
          {choices.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {children(object)}
    </section>
  );
}
