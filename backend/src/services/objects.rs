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
            let at = match i.checked_sub(new.fields.len()) {
                Some(r) => format!("relationships[{r}]"),
                None => format!("fields[{i}]"),
            };
            match FieldDef::create(String::new(), object, input.clone(), "") {
                Ok(def) if names.contains(&def.name) => issues.add(format!("{at}.name"), "is used twice"),
                Ok(def) => names.push(def.name),
                Err(DomainError::Invalid(found)) => {
                    for issue in found {
                        if !(issue.field == "reference" && issues.has(&format!("{at}.object"))) {
                            let field = if issue.field == "reference" { "object".into() } else { issue.field };
                            issues.add(format!("{at}.{field}"), issue.message);
                        }
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

    /// Every record of `object` matching `filter`, newest first, streamed a page at a time from
    /// one snapshot of the database.
    pub async fn export(
        &self,
        object: Object,
        filter: Option<Value>,
    ) -> AppResult<impl futures::Stream<Item = AppResult<Vec<ObjectRecord>>> + Send> {
        let input = QueryInput { filter, ..Default::default() };
        let query = self.query.parse(object, input).await?;
        let scan = self.query.scan(&query).await?;
        let page = |db: Db, mut scan: crate::repositories::records::ListQuery, after| async move {
            scan.after = after;
            scan.limit = super::exports::EXPORT_PAGE;
            scan.page(&db).await
        };
        super::exports::snapshot_pages(&self.db, |db| db, scan, page).await
    }

    /// One page of `object`'s records, newest first, matching `filter` (the segment grammar
    /// over its fields; 422 naming `filter...`).
    pub async fn list(
        &self,
        object: Object,
        filter: Option<Value>,
        page: &PageRequest,
    ) -> AppResult<Page<ObjectRecord>> {
        let input = QueryInput { filter, limit: Some(page.limit as i64), ..Default::default() };
        let query = self.query.parse(object, input).await?;
        let (rows, next) = self.query.records(&query, page.after.clone()).await?;
        let total = if page.count { Some(self.query.count(&query).await?) } else { None };
        Ok(page.page(rows, next, total))
    }
}
