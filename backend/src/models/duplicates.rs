//! Duplicate and merge DTOs.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::contacts::ContactResponse;
use super::pagination::{list_response, ParamErrors};
use crate::domain::duplicates::Reason;
use crate::domain::pagination::parse_limit;
use crate::error::AppError;
use crate::services::duplicates::{DuplicatePair, ScanProgress};
use crate::services::merges::Side;

/// Two contacts that look like one person.
#[derive(Debug, Serialize, ToSchema)]
pub struct DuplicatePairResponse {
    /// Pair id (the two contact ids).
    pub id: String,
    /// Why: `same_email` (ignoring case, `+tags` and, for Gmail, dots), `same_phone` (E.164),
    /// `same_name_same_company`, `similar_name_same_company` (Jaro-Winkler >= 0.92).
    pub reason: String,
    /// The two contacts, as they are now.
    pub contacts: Vec<ContactResponse>,
}

impl From<DuplicatePair> for DuplicatePairResponse {
    fn from(p: DuplicatePair) -> Self {
        let [a, b] = p.contacts;
        Self { id: p.id, reason: p.reason.as_str().into(), contacts: vec![a.into(), b.into()] }
    }
}

list_response!(DuplicateList, DuplicatePairResponse, "A page of duplicate pairs.");

/// Which pairs.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DuplicateParams {
    /// Page size, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500, nullable = false)]
    pub limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(nullable = false, pattern = "^[0-9a-f_-]*$")]
    pub cursor: Option<String>,
    /// Only pairs found for this reason.
    #[param(nullable = false, pattern = "^(same_email|same_phone|same_name_same_company|similar_name_same_company)$")]
    pub reason: Option<String>,
}

impl DuplicateParams {
    /// The reason filter, the position and the page size.
    pub fn parse(self) -> Result<(Option<Reason>, Option<String>, usize), AppError> {
        let mut errors = ParamErrors::default();
        let limit = parse_limit(self.limit.as_deref()).unwrap_or_else(|m| {
            errors.add("limit", m);
            1
        });
        let reason = errors.choice("reason", self.reason.as_deref(), Reason::parse, "is not a duplicate reason");
        let cursor = self.cursor.map(|c| c.trim().to_string()).filter(|c| !c.is_empty());
        if cursor
            .as_deref()
            .is_some_and(|c| c.len() > 100 || !c.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-' || b == b'_'))
        {
            errors.add("cursor", "is not a valid cursor");
        }
        errors.finish((reason, cursor, limit))
    }
}

/// Where the duplicate scan stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct ScanResponse {
    /// `scanning` while it reads changes written before now; `current` once it has read them all
    /// (it then follows new writes within about a second).
    pub status: String,
    /// Change events read.
    pub processed: i64,
    /// Change events written so far.
    pub total: i64,
}

impl From<ScanProgress> for ScanResponse {
    fn from(p: ScanProgress) -> Self {
        Self { status: p.status.into(), processed: p.processed, total: p.total }
    }
}

/// Which side a merged field comes from.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SideRequest {
    /// The contact merged into (the default).
    Mine,
    /// The other contact.
    Theirs,
}

/// Merge another contact into this one.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"other_id": "01a22dd6-843e-7044-b1d9-e11fb9084e6b", "fields": {"phone": "theirs"}}))]
pub struct MergeRequest {
    /// The contact to merge into this one (it is retired; its GET answers 410).
    #[validate(length(min = 1, max = 64))]
    #[schema(min_length = 1, max_length = 64)]
    pub other_id: String,
    /// For each field to take from the other contact, `theirs` (`mine` is the default): any of
    /// first_name, last_name, email, phone, title, company_id, status, source. Tags are always
    /// combined.
    #[serde(default)]
    pub fields: BTreeMap<String, SideRequest>,
}

impl MergeRequest {
    /// The chosen sides.
    pub fn sides(&self) -> BTreeMap<String, Side> {
        self.fields
            .iter()
            .map(|(f, s)| {
                (
                    f.clone(),
                    match s {
                        SideRequest::Mine => Side::Mine,
                        SideRequest::Theirs => Side::Theirs,
                    },
                )
            })
            .collect()
    }
}

/// The merged contact.
#[derive(Debug, Serialize, ToSchema)]
pub struct MergeResponse {
    /// This contact after the merge.
    pub contact: ContactResponse,
    /// The merge's id: `POST /api/contacts/{id}/unmerge` with it undoes the merge.
    pub merge_id: String,
}

/// Undo a merge.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UnmergeRequest {
    /// The `merge_id` the merge answered (also the `trace_id` of its history events).
    #[validate(length(min = 1, max = 64))]
    #[schema(min_length = 1, max_length = 64)]
    pub merge_id: String,
}

/// Both contacts as they were before the merge.
#[derive(Debug, Serialize, ToSchema)]
pub struct UnmergeResponse {
    /// This contact.
    pub contact: ContactResponse,
    /// The contact that had been merged into it, back again.
    pub other: ContactResponse,
}
