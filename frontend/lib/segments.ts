// The segment builder's model: a tree of and/or groups and conditions, the fields a condition
// can name with their types, the operators each type takes (as the API checks them), and the
// filter JSON the API reads.

export type FieldType = "text" | "status" | "tags" | "time" | "number" | "id" | "activity" | "bool" | "date";

export interface FieldInfo {
  name: string;
  label: string;
  type: FieldType;
}

export const SEGMENT_FIELDS: FieldInfo[] = [
  { name: "status", label: "Status", type: "status" },
  { name: "tags", label: "Tags", type: "tags" },
  { name: "email", label: "Email", type: "text" },
  { name: "email_domain", label: "Email domain", type: "text" },
  { name: "first_name", label: "First name", type: "text" },
  { name: "last_name", label: "Last name", type: "text" },
  { name: "title", label: "Title", type: "text" },
  { name: "source", label: "Source", type: "text" },
  { name: "company_id", label: "Company (id)", type: "id" },
  { name: "created_at", label: "Created", type: "time" },
  { name: "updated_at", label: "Updated", type: "time" },
  { name: "score", label: "Score", type: "number" },
  { name: "company.name", label: "Company name", type: "text" },
  { name: "company.industry", label: "Company industry", type: "text" },
  { name: "company.size", label: "Company size", type: "number" },
  { name: "activity.note", label: "Had a note", type: "activity" },
  { name: "activity.call", label: "Had a call", type: "activity" },
  { name: "activity.meeting", label: "Had a meeting", type: "activity" },
  { name: "activity.email", label: "Had an email", type: "activity" },
];

export const OP_LABELS: Record<string, string> = {
  eq: "is",
  neq: "is not",
  in: "is one of",
  not_in: "is none of",
  contains: "contains",
  starts_with: "starts with",
  gt: "after / more than",
  gte: "on or after / at least",
  lt: "before / less than",
  lte: "on or before / at most",
  exists: "is set",
  within_last: "within the last",
  not_within_last: "not within the last",
};

/** The operators a field type takes (the same table as the API's `domain/segments.rs`). */
export function opsFor(type: FieldType): string[] {
  switch (type) {
    case "text":
      return ["eq", "neq", "in", "not_in", "contains", "starts_with", "exists"];
    case "status":
    case "id":
      return ["eq", "neq", "in", "not_in", "exists"];
    case "tags":
      return ["contains", "in", "not_in", "exists"];
    case "time":
      return ["within_last", "not_within_last", "gt", "gte", "lt", "lte", "exists"];
    case "number":
      return ["eq", "neq", "gt", "gte", "lt", "lte", "in", "not_in", "exists"];
    case "activity":
      return ["within_last", "not_within_last"];
    case "bool":
      return ["eq", "neq", "exists"];
    case "date":
      return ["gt", "gte", "lt", "lte", "eq", "neq", "in", "not_in", "exists", "within_last", "not_within_last"];
  }
}

let customFields: FieldInfo[] = [];

/** The contacts' custom fields (`custom.<name>`) the builder offers beside the built-in ones. */
export function setCustomFields(fields: FieldInfo[]) {
  customFields = fields;
}

/** The segment type of a custom field of this type (the API's `custom_field_type`). */
export function customFieldType(type: string): FieldType {
  switch (type) {
    case "number":
    case "decimal":
    case "currency":
      return "number";
    case "date":
      return "date";
    case "datetime":
      return "time";
    case "boolean":
      return "bool";
    case "multi_select":
      return "tags";
    case "reference":
      return "id";
    default:
      return "text";
  }
}

/** Every field a condition can name: built-in, then custom. */
export function segmentFields(): FieldInfo[] {
  return [...SEGMENT_FIELDS, ...customFields];
}

export function fieldInfo(name: string): FieldInfo {
  return segmentFields().find((f) => f.name === name) ?? SEGMENT_FIELDS[0];
}

export interface Leaf {
  kind: "leaf";
  id: string;
  field: string;
  op: string;
  /** As typed: a list is comma-separated, `exists` is "true"/"false", a moment is local time. */
  value: string;
}

export interface Group {
  kind: "group";
  id: string;
  join: "and" | "or";
  negate: boolean;
  children: Node[];
}

export type Node = Leaf | Group;

let counter = 0;
export const nodeId = () => `n${++counter}`;

export function newLeaf(field = "status"): Leaf {
  const info = fieldInfo(field);
  const op = opsFor(info.type)[0];
  return { kind: "leaf", id: nodeId(), field, op, value: defaultValue(info.type, op) };
}

export function newGroup(join: "and" | "or" = "and", children: Node[] = [newLeaf()]): Group {
  return { kind: "group", id: nodeId(), join, negate: false, children };
}

export function defaultValue(type: FieldType, op: string): string {
  if (op === "exists") return "true";
  if (op === "within_last" || op === "not_within_last") return "30d";
  if (type === "status") return "lead";
  if (type === "bool") return "true";
  return "";
}

function leafValue(leaf: Leaf): unknown {
  const { type } = fieldInfo(leaf.field);
  const raw = leaf.value.trim();
  if (leaf.op === "exists") return raw !== "false";
  if (type === "bool") return raw !== "false";
  if (leaf.op === "within_last" || leaf.op === "not_within_last") return raw;
  const list = leaf.op === "in" || leaf.op === "not_in";
  const one = (v: string) => (type === "number" && v !== "" && !Number.isNaN(Number(v)) ? Number(v) : v);
  if (list) return raw.split(",").map((v) => one(v.trim())).filter((v) => v !== "");
  if (type === "time") {
    const at = new Date(raw);
    return Number.isNaN(at.getTime()) ? raw : at.toISOString();
  }
  return one(raw);
}

/** The API's filter JSON for a builder tree. A group of one child is that child. */
export function toFilter(node: Node): unknown {
  if (node.kind === "leaf") return { field: node.field, op: node.op, value: leafValue(node) };
  const children = node.children.map(toFilter);
  const inner = children.length === 1 ? children[0] : { [node.join]: children };
  return node.negate ? { not: inner } : inner;
}

/** Replaces the node with `id` anywhere in the tree (`null` removes it). */
export function replaceNode(root: Group, id: string, next: Node | null): Group {
  const walk = (group: Group): Group => ({
    ...group,
    children: group.children.flatMap((child) => {
      if (child.id === id) return next ? [next] : [];
      return child.kind === "group" ? [walk(child)] : [child];
    }),
  });
  return walk(root);
}

/** A builder tree from the contacts page's filters (`status`, `tag`, `company`). */
export function fromContactFilters(params: URLSearchParams): Group {
  const leaves: Leaf[] = [];
  const status = params.get("status");
  if (status) leaves.push({ ...newLeaf("status"), value: status });
  const tag = params.get("tag");
  if (tag) leaves.push({ ...newLeaf("tags"), op: "contains", value: tag });
  const company = params.get("company");
  if (company) leaves.push({ ...newLeaf("company_id"), op: "eq", value: company });
  return newGroup("and", leaves.length ? leaves : [newLeaf()]);
}

function leafText(field: string, op: string, value: unknown): string {
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value === null || value === undefined) return "";
  const type = fieldInfo(field).type;
  if (type === "time" && ["gt", "gte", "lt", "lte"].includes(op) && typeof value === "string") {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) {
      const pad = (n: number) => String(n).padStart(2, "0");
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    }
  }
  return String(value);
}

/** A builder tree from a saved filter (the inverse of `toFilter`); `null` for a shape it does not know. */
export function fromFilter(filter: unknown): Group | null {
  const node = (value: unknown): Node | null => {
    if (!value || typeof value !== "object" || Array.isArray(value)) return null;
    const v = value as Record<string, unknown>;
    for (const join of ["and", "or"] as const) {
      if (Array.isArray(v[join])) {
        const children = (v[join] as unknown[]).map(node);
        return children.every(Boolean) ? { kind: "group", id: nodeId(), join, negate: false, children: children as Node[] } : null;
      }
    }
    if ("not" in v) {
      const inner = node(v.not);
      if (!inner) return null;
      return inner.kind === "group" && !inner.negate ? { ...inner, negate: true } : { ...newGroup("and", [inner]), negate: true };
    }
    if (typeof v.field === "string" && typeof v.op === "string") {
      return { kind: "leaf", id: nodeId(), field: v.field, op: v.op, value: leafText(v.field, v.op, v.value) };
    }
    return null;
  };
  const root = node(filter);
  if (!root) return null;
  return root.kind === "group" ? root : newGroup("and", [root]);
}
