//! Segment use cases: saved filters (versioned like every record), their members now, previews.

use chrono::{DateTime, Utc};
use serde_json::Value;
use tracing::instrument;

use super::records::Store;
use super::Precondition;
use crate::db::{Feature, Migrations};
use crate::domain::contacts::Contact;
use crate::domain::fields::{DomainError, FieldIssue, Issues};
use crate::domain::history::Origin;
use crate::domain::ids::now;
use crate::domain::pagination::{Page, PageRequest};
use crate::domain::segments::{custom_field_type, parse_filter_with, FieldType};
use crate::error::AppResult;
use crate::repositories::records::Stored;
use crate::repositories::segments::{compile, Compiled, Segment, SegmentRepository};

/// Contacts a preview shows.
pub const PREVIEW_SAMPLE: usize = 10;

/// Untrusted segment fields (`Some(None)` = explicit null in a patch).
#[derive(Debug, Clone, Default)]
pub struct SegmentInput {
    /// Name.
    pub name: Option<Option<String>>,
    /// Description.
    pub description: Option<Option<String>>,
    /// Filter tree.
    pub filter: Option<Option<Value>>,
}

/// A validated change.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SegmentPatch {
    name: Option<String>,
    description: Option<Option<String>>,
    filter: Option<Value>,
}

impl SegmentPatch {
    /// Validates fields; the filter's issues are named from `filter`.
    pub fn parse(input: SegmentInput, custom: &[(String, FieldType)]) -> Result<Self, DomainError> {
        let mut issues = Issues::default();
        let name = input.name.map(|n| issues.required_text("name", n, 200));
        let description = input.description.map(|d| issues.text("description", d, 2000));
        let mut filter_issues = Vec::new();
        let filter = match input.filter {
            None => None,
            Some(None) => {
                issues.add("filter", "is required");
                None
            }
            Some(Some(value)) => match parse_filter_with(&value, custom) {
                Ok(_) => Some(value),
                Err(DomainError::Invalid(found)) => {
                    filter_issues = found;
                    None
                }
                Err(other) => return Err(other),
            },
        };
        for FieldIssue { field, message } in filter_issues {
            issues.add(field, message);
        }
        issues.finish(SegmentPatch { name, description, filter })
    }
}

/// A preview: how many contacts match and the first few.
pub struct Preview {
    /// Matching contacts now.
    pub count: u64,
    /// The newest of them.
    pub sample: Vec<Contact>,
}

/// Segment use cases.
#[derive(Clone)]
pub struct SegmentService {
    store: Store<Segment>,
    segments: SegmentRepository,
    migrations: Migrations,
    schema: Option<super::schema::SchemaService>,
}

impl SegmentService {
    /// The contacts' custom fields a filter may name (`custom.<name>`), with their types.
    pub async fn custom_fields(&self) -> AppResult<Vec<(String, FieldType)>> {
        let Some(schema) = &self.schema else { return Ok(Vec::new()) };
        let defs = schema.schema(crate::domain::custom::Object::Contact).await?;
        Ok(defs.fields.iter().map(|f| (f.name.clone(), custom_field_type(f.field_type))).collect())
    }

    /// `input` checked, its filter against the built-in and custom fields.
    pub async fn parse(&self, input: SegmentInput) -> AppResult<SegmentPatch> {
        Ok(SegmentPatch::parse(input, &self.custom_fields().await?)?)
    }

    /// The filter's query, once the indexes it scans are ready.
    async fn ready(&self, filter: &Value) -> AppResult<Compiled> {
        self.migrations.require(Feature::Lists)?;
        let custom = Box::pin(self.custom_fields()).await?;
        let compiled = compile(&parse_filter_with(filter, &custom)?, now());
        if compiled.uses_facets() {
            self.migrations.require(Feature::ContactFilters)?;
        }
        Ok(compiled)
    }
}

impl SegmentService {
    /// A service over its store.
    pub fn new(store: Store<Segment>, segments: SegmentRepository, migrations: Migrations) -> Self {
        Self { store, segments, migrations, schema: None }
    }

    /// The same service, letting filters name the contacts' custom fields.
    pub fn with_schema(mut self, schema: super::schema::SchemaService) -> Self {
        self.schema = Some(schema);
        self
    }

    /// Saves a new segment (`name` and `filter` required).
    #[instrument(skip_all)]
    pub async fn create(&self, patch: SegmentPatch, origin: &Origin) -> AppResult<Segment> {
        let mut issues = Issues::default();
        if patch.name.is_none() {
            issues.add("name", "is required");
        }
        if patch.filter.is_none() {
            issues.add("filter", "is required");
        }
        issues.finish(())?;
        self.store
            .create(origin, |id, ts| {
                Ok(Segment {
                    id,
                    name: patch.name.unwrap_or_default(),
                    description: patch.description.flatten(),
                    filter: patch.filter.unwrap_or(Value::Null),
                    version: 1,
                    created_at: ts.to_string(),
                    updated_at: ts.to_string(),
                })
            })
            .await
    }

    /// The segment now.
    pub async fn get(&self, id: &str) -> AppResult<Segment> {
        self.store.get(id).await
    }

    /// The segment as it was at `at`.
    pub async fn get_as_of(&self, id: &str, at: DateTime<Utc>) -> AppResult<Segment> {
        self.store.get_as_of(id, at).await
    }

    /// Changes a segment.
    #[instrument(skip_all)]
    pub async fn update(
        &self,
        id: &str,
        patch: SegmentPatch,
        pre: Precondition,
        origin: &Origin,
    ) -> AppResult<Segment> {
        self.store
            .update(id, pre, origin, |s, ts| {
                let mut next = s.clone();
                if let Some(name) = &patch.name {
                    next.name = name.clone();
                }
                if let Some(description) = &patch.description {
                    next.description = description.clone();
                }
                if let Some(filter) = &patch.filter {
                    next.filter = filter.clone();
                }
                next.bump(ts);
                Ok((next, None))
            })
            .await
    }

    /// Deletes a segment.
    pub async fn delete(&self, id: &str, pre: Precondition, origin: &Origin) -> AppResult<()> {
        self.store.delete(id, pre, origin).await
    }

    /// Segments, newest first.
    pub async fn list(&self, page: &PageRequest) -> AppResult<Page<Segment>> {
        self.migrations.require(Feature::Lists)?;
        let (rows, next) = self.segments.list(page.after.clone(), page.limit).await?;
        Ok(page.page(rows, next, None))
    }

    /// The segment's contacts as they are now, newest first.
    pub async fn members(&self, id: &str, page: &PageRequest) -> AppResult<Page<Contact>> {
        let segment = self.get(id).await?;
        let compiled = self.ready(&segment.filter).await?;
        let (rows, next) = self.segments.members(&compiled, page.after.clone(), page.limit).await?;
        let total = if page.count { Some(self.segments.count(&compiled).await?) } else { None };
        Ok(page.page(rows, next, total))
    }

    /// Every contact the segment selects now, newest first, read from one snapshot a page at
    /// a time (an export).
    pub async fn export_members(
        &self,
        id: &str,
    ) -> AppResult<impl futures::Stream<Item = AppResult<Vec<Contact>>> + Send> {
        let compiled = self.ready(&self.get(id).await?.filter).await?;
        let page = |repo: SegmentRepository, compiled: Compiled, after| async move {
            repo.members(&compiled, after, crate::services::exports::EXPORT_PAGE).await
        };
        crate::services::exports::snapshot_pages(self.segments.db(), SegmentRepository::new, compiled, page).await
    }

    /// The segment's filter, ready to select its members (campaign deliveries page through
    /// them with [`SegmentRepository::members`]).
    pub async fn compiled(&self, id: &str) -> AppResult<Compiled> {
        self.ready(&self.get(id).await?.filter).await
    }

    /// How many contacts an unsaved filter selects, and the newest few.
    pub async fn preview(&self, filter: &Value) -> AppResult<Preview> {
        let compiled = self.ready(filter).await?;
        let (sample, _) = self.segments.members(&compiled, None, PREVIEW_SAMPLE).await?;
        let count = self.segments.count(&compiled).await?;
        Ok(Preview { count, sample })
    }
}
