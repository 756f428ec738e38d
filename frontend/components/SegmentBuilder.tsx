"use client";

import { useEffect, useId, useState } from "react";
import { CONTACT_STATUSES } from "@/lib/api";
import { fetchFields } from "@/lib/customFields";
import {
  customFieldType,
  defaultValue,
  fieldInfo,
  newGroup,
  newLeaf,
  OP_LABELS,
  opsFor,
  replaceNode,
  segmentFields,
  setCustomFields,
  type Group,
  type Leaf,
  type Node,
} from "@/lib/segments";

/** Nested and/or groups of conditions; each condition's operators and value input follow its field's type. */
export function SegmentBuilder({ root, onChange }: { root: Group; onChange: (root: Group) => void }) {
  const [, setLoaded] = useState(0);
  useEffect(() => {
    let live = true;
    fetchFields("contact")
      .then((fields) => {
        setCustomFields(fields.map((f) => ({ name: `custom.${f.name}`, label: f.label, type: customFieldType(f.type) })));
        if (live) setLoaded((n) => n + 1);
      })
      .catch(() => undefined); // the built-in fields still work
    return () => {
      live = false;
    };
  }, []);
  const update = (id: string, next: Node | null) => onChange(id === root.id && next?.kind === "group" ? next : replaceNode(root, id, next));
  return <GroupEditor group={root} depth={0} onChange={update} />;
}

function GroupEditor({ group, depth, onChange }: { group: Group; depth: number; onChange: (id: string, next: Node | null) => void }) {
  const id = useId();
  const set = (change: Partial<Group>) => onChange(group.id, { ...group, ...change });
  return (
    <fieldset className="segment-group" data-depth={depth}>
      <legend>{depth === 0 ? "Contacts that match" : "Group"}</legend>
      <div className="group-controls">
        <label htmlFor={`${id}-join`}>Match</label>
        <select id={`${id}-join`} value={group.join} onChange={(e) => set({ join: e.target.value as "and" | "or" })}>
          <option value="and">all of these (and)</option>
          <option value="or">any of these (or)</option>
        </select>
        <label className="radio">
          <input type="checkbox" checked={group.negate} onChange={(e) => set({ negate: e.target.checked })} /> none of them (not)
        </label>
      </div>
      <ol className="segment-children">
        {group.children.map((child, i) =>
          child.kind === "leaf" ? (
            <li key={child.id}>
              <LeafEditor leaf={child} position={i + 1} onChange={(next) => onChange(child.id, next)} />
            </li>
          ) : (
            <li key={child.id}>
              <GroupEditor group={child} depth={depth + 1} onChange={onChange} />
            </li>
          ),
        )}
      </ol>
      <div className="group-actions">
        <button type="button" className="secondary" onClick={() => set({ children: [...group.children, newLeaf()] })}>
          Add condition
        </button>
        {depth < 3 ? (
          <button type="button" className="secondary" onClick={() => set({ children: [...group.children, newGroup("or")] })}>
            Add group
          </button>
        ) : null}
        {depth > 0 ? (
          <button type="button" className="link danger" onClick={() => onChange(group.id, null)}>
            Remove group
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}

function LeafEditor({ leaf, position, onChange }: { leaf: Leaf; position: number; onChange: (next: Leaf | null) => void }) {
  const id = useId();
  const info = fieldInfo(leaf.field);
  const ops = opsFor(info.type);
  const setField = (field: string) => {
    const type = fieldInfo(field).type;
    const op = opsFor(type).includes(leaf.op) ? leaf.op : opsFor(type)[0];
    onChange({ ...leaf, field, op, value: type === info.type && op === leaf.op ? leaf.value : defaultValue(type, op) });
  };
  const setOp = (op: string) => onChange({ ...leaf, op, value: defaultValue(info.type, op) || (leaf.op === op ? leaf.value : "") });
  const list = leaf.op === "in" || leaf.op === "not_in";
  const value = (() => {
    if (leaf.op === "exists" || (info.type === "bool" && !list)) {
      return (
        <select id={`${id}-value`} value={leaf.value} onChange={(e) => onChange({ ...leaf, value: e.target.value })}>
          <option value="true">yes</option>
          <option value="false">no</option>
        </select>
      );
    }
    if (info.type === "status" && !list) {
      return (
        <select id={`${id}-value`} value={leaf.value} onChange={(e) => onChange({ ...leaf, value: e.target.value })}>
          {CONTACT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      );
    }
    const within = leaf.op === "within_last" || leaf.op === "not_within_last";
    const type = within ? "text" : info.type === "time" ? "datetime-local" : info.type === "date" && !list ? "date" : info.type === "number" && !list ? "number" : "text";
    const placeholder = within ? "30d, 12h, 2w" : list ? "comma-separated" : "";
    return <input id={`${id}-value`} type={type} value={leaf.value} placeholder={placeholder} onChange={(e) => onChange({ ...leaf, value: e.target.value })} />;
  })();
  return (
    <div className="segment-leaf" role="group" aria-label={`Condition ${position}`}>
      <label className="sr-only" htmlFor={`${id}-field`}>
        Field of condition {position}
      </label>
      <select id={`${id}-field`} value={leaf.field} onChange={(e) => setField(e.target.value)}>
        {segmentFields().map((f) => (
          <option key={f.name} value={f.name}>
            {f.label}
          </option>
        ))}
      </select>
      <label className="sr-only" htmlFor={`${id}-op`}>
        Operator of condition {position}
      </label>
      <select id={`${id}-op`} value={leaf.op} onChange={(e) => setOp(e.target.value)}>
        {ops.map((op) => (
          <option key={op} value={op}>
            {OP_LABELS[op]}
          </option>
        ))}
      </select>
      <label className="sr-only" htmlFor={`${id}-value`}>
        Value of condition {position}
      </label>
      {value}
      <button type="button" className="link danger" onClick={() => onChange(null)} aria-label={`Remove condition ${position}`}>
        Remove
      </button>
    </div>
  );
}
