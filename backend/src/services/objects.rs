//! Custom objects: defining them (with their fields and relationships) and the use cases of
//! their records, which are those of every versioned record (services/records.rs): read now or
//! as of a moment, create, change under `If-Match`, delete, lists in keyset pages, each change
//! checked by the object's fields, rules and triggers and kept as a change event.

use chrono::{DateTime, Utc};
use serde_json::Value;
use tracing::instrument;

use super::query::QueryService;
use super::records::Store;
use super::schema::SchemaService;
use super::Precondition;
use crate::db::Db;
use crate::domain::custom::{FieldDef, FieldInput, Object};
use crate::domain::fields::{DomainError, Issues};
use crate::domain::history::Origin;
use crate::domain::objects::{ObjectDef, ObjectInput, ObjectRecord, RecordInput, MAX_OBJECTS};
use crate::domain::pagination::{Page, PageRequest};
use crate::domain::query::QueryInput;
use crate::error::{AppError, AppResult};
use crate::repositories::history::HistoryRepository;
use crate::repositories::objects::ObjectRepository;

/// A relationship of a new object: a reference field to another object's records.
#[derive(Debug, Clone, Default)]
pub struct RelationshipInput {
    /// Field key (`company_id`).
    pub name: Option<String>,
    /// The object it points to (`company`, or a custom object).
    pub object: Option<String>,
    /// Label.
    pub label: Option<String>,
    /// Whether every record must name one.
    pub required: Option<bool>,
}

/// What defining an object takes.
#[derive(Debug, Clone, Default)]
pub struct NewObject {
    /// Name and labels.
    pub object: ObjectInput,
    /// Its fields.
    pub fields: Vec<FieldInput>,
    /// Its relationships.
    pub relationships: Vec<RelationshipInput>,
}

/// How an import of records went.
#[derive(Debug, Default)]
pub struct ImportSummary {
    /// Data rows read.
    pub processed: u64,
    /// Records created.
    pub imported: u64,
    /// Records changed (rows whose `id` names a record).
    pub updated: u64,
    /// Rows naming a record they would not change.
    pub unchanged: u64,
    /// The first [`MAX_REPORTED`] problems: line number, field, message.
    pub errors: Vec<(u64, String, String)>,
    /// How many rows were refused.
    pub error_count: u64,
    /// Columns that match no field, reported once.
    pub unmapped_columns: Vec<String>,
}

/// Most row problems an import reports one by one.
pub const MAX_REPORTED: usize = 1000;

/// One row of an import: its line number and its record, or why it cannot be read.
type ImportRow = (u64, Result<(Option<String>, RecordInput), (String, String)>);

/// The columns of a CSV import: what each one sets.
enum Column {
    Id,
    Name,
    Owner,
    Custom(String, crate::domain::custom::FieldType),
    Ignored,
}

/// The rows of a CSV file (a header line; `,` or `;` between fields, detected).
fn csv_rows(body: &[u8], fields: &[FieldDef], unmapped: &mut Vec<String>) -> AppResult<Vec<ImportRow>> {
    let first_line = body.split(|b| *b == b'\n').next().unwrap_or_default();
    let delimiter = super::imports::detect_delimiter(first_line);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::Any(b'\n'))
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(body);
    let headers =
        reader.headers().map_err(|e| AppError::invalid_field("body", format!("the header row: {e}")))?.clone();
    let columns: Vec<Column> = headers
        .iter()
        .map(|h| {
            let key = h.strip_prefix("custom.").unwrap_or(h);
            match h {
                "id" => Column::Id,
                "name" => Column::Name,
                "owner_id" => Column::Owner,
                "object" | "version" | "created_at" | "updated_at" => Column::Ignored,
                _ => match fields.iter().find(|f| f.name == key) {
                    Some(f) => Column::Custom(f.name.clone(), f.field_type),
                    None => {
                        unmapped.push(h.to_string());
                        Column::Ignored
                    }
                },
            }
        })
        .collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                rows.push((line, Err(("row".to_string(), e.to_string()))));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.len() != columns.len() {
            let message = format!("has {} fields, the header has {}", record.len(), columns.len());
            rows.push((line, Err(("row".to_string(), message))));
            continue;
        }
        let (mut id, mut input, mut custom) = (None, RecordInput::default(), serde_json::Map::new());
        for (cell, column) in record.iter().zip(&columns) {
            if cell.is_empty() {
                continue;
            }
            match column {
                Column::Id => id = Some(cell.to_string()),
                Column::Name => input.name = Some(cell.to_string()),
                Column::Owner => input.owner_id = Some(Some(cell.to_string())),
                Column::Custom(name, field_type) => {
                    custom.insert(name.clone(), crate::domain::custom::from_text(*field_type, cell));
                }
                Column::Ignored => {}
            }
        }
        input.custom = Some(custom);
        rows.push((line, Ok((id, input))));
    }
    Ok(rows)
}

/// The rows of an NDJSON file: one record per line, as exports write them.
fn ndjson_rows(body: &[u8], unmapped: &mut Vec<String>) -> Vec<ImportRow> {
    let mut rows = Vec::new();
    for (i, line) in body.split(|b| *b == b'\n').enumerate() {
        let line_no = i as u64 + 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let Ok(Value::Object(mut object)) = serde_json::from_slice::<Value>(line) else {
            rows.push((line_no, Err(("row".to_string(), "is not a JSON object".to_string()))));
            continue;
        };
        let text = |v: Option<Value>| v.and_then(|v| v.as_str().map(String::from));
        let id = text(object.remove("id"));
        let input = RecordInput {
            name: text(object.remove("name")),
            owner_id: object.remove("owner_id").map(|v| v.as_str().map(String::from)),
            custom: match object.remove("custom") {
                Some(Value::Object(custom)) => Some(custom),
                _ => None,
            },
        };
        for key in object.keys() {
            if !["object", "version", "created_at", "updated_at"].contains(&key.as_str()) && !unmapped.contains(key) {
                unmapped.push(key.clone());
            }
        }
        rows.push((line_no, Ok((id, input))));
    }
    rows
}

/// Custom objects and their records.
#[derive(Clone)]
pub struct ObjectService {
    defs: Store<ObjectDef>,
    db: Db,
    history: HistoryRepository,
    schema: SchemaService,
    repo: ObjectRepository,
    query: QueryService,
}

impl ObjectService {
    /// A service over its parts.
    pub fn new(db: Db, history: HistoryRepository, schema: SchemaService, query: QueryService) -> Self {
        Self {
            defs: Store::new(db.clone(), history.clone()),
            repo: ObjectRepository::new(db.clone()),
            db,
            history,
            schema,
            query,
        }
    }

    /// Every custom object, by name.
    pub async fn list_objects(&self) -> AppResult<Vec<ObjectDef>> {
        Ok(self.schema.custom_objects().await?.as_ref().clone())
    }

    /// The custom object `name`.
    pub async fn get_object(&self, name: &str) -> AppResult<ObjectDef> {
        self.schema.custom_object(name).await
    }

    /// Defines an object with its fields and relationships. Everything is checked before anything
    /// is stored: an invalid field is a 422 naming `fields[i].<field>` or `relationships[i].<field>`.
    #[instrument(skip_all)]
    pub async fn create_object(&self, new: NewObject, origin: &Origin) -> AppResult<ObjectDef> {
        let count = self.schema.custom_objects().await?.len();
        if count >= MAX_OBJECTS {
            return Err(AppError::conflict("too_many_objects", format!("{count} objects are defined already")));
        }
        let mut issues = Issues::default();
        // With a bad name the fields are still checked (against a stand-in object), so that one
        // answer lists every issue.
        let (name, object) = match ObjectDef::create(String::new(), new.object.clone(), "") {
            Ok(probe) => (probe.name.clone(), probe.object()),
            Err(DomainError::Invalid(found)) => {
                for issue in found {
                    issues.add(issue.field, issue.message);
                }
                (String::new(), Object::custom("object_being_defined"))
            }
            Err(other) => return Err(other.into()),
        };
        if self.schema.custom_object(&name).await.is_ok() {
            return Err(AppError::conflict("object_exists", format!("an object named `{name}` exists")));
        }
        let mut fields = new.fields.clone();
        for (i, r) in new.relationships.iter().enumerate() {
            let target = r.object.as_deref().map(str::trim).unwrap_or_default();
            if target.is_empty() {
                issues.add(format!("relationships[{i}].object"), "is required: the object it points to");
            } else if target != name && self.schema.object(target).await.is_err() {
                issues.add(format!("relationships[{i}].object"), format!("no object `{target}`"));
            }
            fields.push(FieldInput {
                name: r.name.clone(),
                label: r.label.clone(),
                field_type: Some("reference".into()),
                required: r.required,
                reference: Some(target.to_string()),
                ..Default::default()
            });
        }
        let mut names: Vec<String> = Vec::new();
        for (i, input) in fields.iter().enumerate() {
            let relationship = i.checked_sub(new.fields.len());
            let at = match relationship {
                Some(r) => format!("relationships[{r}]"),
                None => format!("fields[{i}]"),
            };
            match FieldDef::create(String::new(), object, input.clone(), "") {
                Ok(def) if names.contains(&def.name) => issues.add(format!("{at}.name"), "is used twice"),
                Ok(def) => names.push(def.name),
                Err(DomainError::Invalid(found)) => {
                    for issue in found {
                        // A relationship's target is its `object`, checked above already.
                        let field = match (relationship, issue.field.as_str()) {
                            (Some(_), "reference") if issues.has(&format!("{at}.object")) => continue,
                            (Some(_), "reference") => "object".to_string(),
                            _ => issue.field,
                        };
                        issues.add(format!("{at}.{field}"), issue.message);
                    }
                }
                Err(other) => return Err(other.into()),
            }
        }
        if fields.len() > crate::domain::custom::MAX_FIELDS {
            issues.add("fields", format!("at most {} fields", crate::domain::custom::MAX_FIELDS));
        }
        issues.finish(())?;
        let def = self.defs.create(origin, |id, ts| Ok(ObjectDef::create(id, new.object.clone(), ts)?)).await.map_err(
            |e| match e {
                AppError::Conflict { code: "duplicate", .. } => {
                    AppError::conflict("object_exists", format!("an object named `{name}` exists"))
                }
                other => other,
            },
        )?;
        self.repo.define_table(object).await?;
        self.schema.forget_objects();
        for (i, input) in fields.into_iter().enumerate() {
            let input = FieldInput { position: input.position.or(Some(i as i64 + 1)), ..input };
            self.schema.create_field(object, input, origin).await?;
        }
        Ok(def)
    }

    /// Changes an object's labels or description.
    #[instrument(skip_all)]
    pub async fn update_object(
        &self,
        name: &str,
        input: ObjectInput,
        pre: Precondition,
        origin: &Origin,
    ) -> AppResult<ObjectDef> {
        let def = self.get_object(name).await?;
        let next = self.defs.update(&def.id, pre, origin, |d, ts| Ok((d.apply(input.clone(), ts)?, None))).await?;
        self.schema.forget_objects();
        Ok(next)
    }

    /// Removes an object that has no records, with its fields, rules and triggers; the history
    /// of all of them stays. An object with records is a 409 `object_has_records`.
    #[instrument(skip_all)]
    pub async fn delete_object(&self, name: &str, pre: Precondition, origin: &Origin) -> AppResult<()> {
        let def = self.get_object(name).await?;
        let object = def.object();
        if self.repo.has_records(object).await? {
            return Err(AppError::conflict(
                "object_has_records",
                format!("{} still has records; delete them first", def.plural_label),
            ));
        }
        self.defs.delete(&def.id, pre, origin).await?;
        self.schema.forget_objects();
        self.schema.remove_definitions(object, origin).await?;
        Ok(())
    }

    fn store(&self, object: Object) -> Store<ObjectRecord> {
        Store::new(self.db.clone(), self.history.clone()).with_schema(self.schema.clone()).in_table(object.table())
    }

    /// A record of `object` now; 404 when it has none with this id.
    pub async fn get(&self, object: Object, id: &str) -> AppResult<ObjectRecord> {
        self.store(object).get(id).await
    }

    /// A record as it was at `at`.
    pub async fn get_as_of(&self, object: Object, id: &str, at: DateTime<Utc>) -> AppResult<ObjectRecord> {
        self.store(object).get_as_of(id, at).await
    }

    /// Creates a record; without an owner it is the caller's.
    #[instrument(skip_all)]
    pub async fn create(
        &self,
        object: Object,
        mut input: RecordInput,
        owner: Option<String>,
        origin: &Origin,
    ) -> AppResult<ObjectRecord> {
        if input.owner_id.is_none() {
            input.owner_id = Some(owner);
        }
        self.store(object).create(origin, |id, ts| Ok(ObjectRecord::create(id, object, input, ts)?)).await
    }

    /// Changes a record.
    #[instrument(skip_all)]
    pub async fn update(
        &self,
        object: Object,
        id: &str,
        input: RecordInput,
        pre: Precondition,
        origin: &Origin,
    ) -> AppResult<ObjectRecord> {
        self.store(object).update(id, pre, origin, |r, ts| Ok((r.apply(input.clone(), ts)?, None))).await
    }

    /// Deletes a record; its history stays readable.
    #[instrument(skip_all)]
    pub async fn delete(&self, object: Object, id: &str, pre: Precondition, origin: &Origin) -> AppResult<()> {
        self.store(object).delete(id, pre, origin).await
    }

    /// Every record of `object` matching `filter` (of those `visible` holds, when given), newest
    /// first, streamed a page at a time from one snapshot of the database.
    pub async fn export(
        &self,
        object: Object,
        filter: Option<Value>,
        visible: Option<crate::domain::security::Visible>,
    ) -> AppResult<impl futures::Stream<Item = AppResult<Vec<ObjectRecord>>> + Send> {
        let input = QueryInput { filter, ..Default::default() };
        let query = self.query.parse(object, input).await?;
        let scan = self.query.scan(&query).await?;
        let page = |db: Db, (mut scan, visible): (crate::repositories::records::ListQuery, Option<_>), after| async move {
            scan.after = after;
            scan.limit = super::exports::EXPORT_PAGE;
            scan.page_seen(&db, visible.as_ref()).await
        };
        super::exports::snapshot_pages(&self.db, |db| db, (scan, visible), page).await
    }

    /// Imports records from a CSV or NDJSON body (at most the request body limit): a row whose
    /// `id` names a record of `object` changes it, any other row creates one. Each row is a write
    /// of its own, checked like any other, with `source: import`; a bad row never stops the
    /// others. Importing the same file again creates nothing new (its rows name their records).
    #[instrument(skip_all)]
    pub async fn import(
        &self,
        object: Object,
        csv: bool,
        body: &[u8],
        owner: Option<String>,
        origin: &Origin,
    ) -> AppResult<ImportSummary> {
        let body = body.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(body);
        let mut summary = ImportSummary::default();
        let fields = self.schema.schema(object).await?.fields.clone();
        let rows = if csv {
            csv_rows(body, &fields, &mut summary.unmapped_columns)?
        } else {
            ndjson_rows(body, &mut summary.unmapped_columns)
        };
        let origin = Origin { source: "import".into(), ..origin.clone() };
        let store = self.store(object);
        for (line, row) in rows {
            summary.processed += 1;
            let outcome = match row {
                Err(problem) => Err(vec![problem]),
                Ok((id, input)) => {
                    let existing = match id.as_deref().and_then(crate::domain::ids::parse_id) {
                        Some(id) => store.find(&id).await?,
                        None => None,
                    };
                    let written = match existing {
                        Some(current) => {
                            let id = current.id.clone();
                            let next = store.update(&id, Precondition::None, &origin, |r, ts| {
                                Ok((r.apply(input.clone(), ts)?, None))
                            });
                            next.await.map(|r| if r.version == current.version { "unchanged" } else { "updated" })
                        }
                        None => self.create(object, input, owner.clone(), &origin).await.map(|_| "imported"),
                    };
                    match written {
                        Ok(outcome) => Ok(outcome),
                        Err(AppError::Validation { errors, .. }) => {
                            Err(errors.into_iter().map(|e| (e.field, e.message)).collect())
                        }
                        Err(AppError::Conflict { detail, .. }) => Err(vec![("row".to_string(), detail)]),
                        // Deleted by someone else between the look-up and the write.
                        Err(e @ AppError::NotFound(_)) => Err(vec![("id".to_string(), e.to_string())]),
                        // The database failing is the import failing, not the row.
                        Err(other) => return Err(other),
                    }
                }
            };
            match outcome {
                Ok("updated") => summary.updated += 1,
                Ok("unchanged") => summary.unchanged += 1,
                Ok(_) => summary.imported += 1,
                Err(problems) => {
                    summary.error_count += 1;
                    for (field, message) in problems {
                        if summary.errors.len() < MAX_REPORTED {
                            summary.errors.push((line, field, message));
                        }
                    }
                }
            }
        }
        Ok(summary)
    }

    /// One page of `object`'s records, newest first, matching `filter` (the segment grammar
    /// over its fields; 422 naming `filter...`).
    pub async fn list(
        &self,
        object: Object,
        filter: Option<Value>,
        page: &PageRequest,
    ) -> AppResult<Page<ObjectRecord>> {
        self.query.list(object, filter, page).await
    }
}
