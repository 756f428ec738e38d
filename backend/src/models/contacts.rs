//! Contact DTOs: create and patch requests, the response, list parameters.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::double_option;
use super::pagination::{list_response, ParamErrors};
use crate::domain::contacts::{Contact, ContactInput, ContactPatch, ContactPatchInput, ContactStatus, NewContact};
use crate::domain::fields::DomainError;
use crate::domain::ids::parse_id;
use crate::domain::pagination::{PageRequest, Sort};
use crate::error::AppError;
use crate::repositories::contacts::ContactQuery;

/// A new contact. Only `email` is required.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com",
    "title": "CTO", "status": "lead", "tags": ["vip"]}))]
pub struct CreateContactRequest {
    /// Given name.
    #[validate(length(max = 100))]
    pub first_name: Option<String>,
    /// Family name.
    #[validate(length(max = 100))]
    pub last_name: Option<String>,
    /// Email; trimmed, lower-cased, unique across contacts.
    #[validate(length(max = 254))]
    #[schema(required = true, nullable = false, format = Email, max_length = 254)]
    pub email: Option<String>,
    /// Phone number.
    #[validate(length(max = 40))]
    #[schema(pattern = "^([ \\t\\r\\n]*|[ +().x/-]*([0-9][ +().x/-]*){3,20})$", max_length = 40)]
    pub phone: Option<String>,
    /// Job title.
    #[validate(length(max = 200))]
    pub title: Option<String>,
    /// Id of an existing company.
    #[schema(format = Uuid)]
    pub company_id: Option<String>,
    /// Funnel status; any status may be given at creation. Default `lead`.
    #[schema(value_type = Option<ContactStatusSchema>)]
    pub status: Option<String>,
    /// Where the contact came from (`web`, `referral`, `event`, ...).
    #[validate(length(max = 64))]
    pub source: Option<String>,
    /// Labels; lower-cased and de-duplicated. At most 50.
    #[validate(length(max = 50))]
    pub tags: Option<Vec<String>>,
    /// Never send this contact campaigns (default false).
    pub do_not_contact: Option<bool>,
    /// Custom field values by name (`GET /api/schema/contact/fields`), checked by type.
    #[schema(value_type = Option<std::collections::BTreeMap<String, serde_json::Value>>, example = json!({"industry_code": "K70"}))]
    pub custom: Option<serde_json::Map<String, serde_json::Value>>,
    /// The owning user's id; default: the caller (none for an API key).
    #[schema(format = Uuid)]
    pub owner_id: Option<String>,
}

/// A partial update: omitted fields are unchanged, `null` clears a field.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"title": "VP Engineering", "status": "mql"}))]
pub struct UpdateContactRequest {
    /// Given name.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub first_name: Option<Option<String>>,
    /// Family name.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub last_name: Option<Option<String>>,
    /// Email (cannot be cleared).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable = false, format = Email, max_length = 254)]
    pub email: Option<Option<String>>,
    /// Phone number.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, pattern = "^([ \\t\\r\\n]*|[ +().x/-]*([0-9][ +().x/-]*){3,20})$", max_length = 40)]
    pub phone: Option<Option<String>>,
    /// Job title.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub title: Option<Option<String>>,
    /// Company id; `null` unlinks.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub company_id: Option<Option<String>>,
    /// New status; must be allowed by the funnel (else 422 `invalid_transition`).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<ContactStatusSchema>, nullable = false)]
    pub status: Option<Option<String>>,
    /// Origin.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub source: Option<Option<String>>,
    /// Replaces the tag list.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Vec<String>>)]
    pub tags: Option<Option<Vec<String>>>,
    /// Never send this contact campaigns; `null` is false.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<bool>)]
    pub do_not_contact: Option<Option<bool>>,
    /// Custom values to set by name; `null` removes one, names left out are kept.
    #[schema(value_type = Option<std::collections::BTreeMap<String, serde_json::Value>>)]
    pub custom: Option<serde_json::Map<String, serde_json::Value>>,
    /// The owning user's id; `null`: no owner.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, format = Uuid)]
    pub owner_id: Option<Option<String>>,
}

/// Funnel status: `lead -> mql -> sql -> opportunity -> customer`, and `churned`.
///
/// Before `customer` a contact may move forward any number of stages or back one;
/// a customer may only churn; a churned contact may return to `lead`, `opportunity` or `customer`.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = ContactStatus)]
pub enum ContactStatusSchema {
    /// Lead.
    Lead,
    /// Marketing-qualified.
    Mql,
    /// Sales-qualified.
    Sql,
    /// In an opportunity.
    Opportunity,
    /// Customer.
    Customer,
    /// Former customer.
    Churned,
}

/// A contact.
#[derive(Debug, Serialize, ToSchema)]
pub struct ContactResponse {
    /// Id.
    #[schema(example = "01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c")]
    pub id: String,
    /// Given name.
    pub first_name: Option<String>,
    /// Family name.
    pub last_name: Option<String>,
    /// Lower-cased email.
    pub email: String,
    /// Phone.
    pub phone: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Company id.
    pub company_id: Option<String>,
    /// Funnel status.
    #[schema(value_type = ContactStatusSchema)]
    pub status: String,
    /// Origin.
    pub source: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// Never sent campaigns (an unsubscribe or a bounce is shown by the consent ledger).
    pub do_not_contact: bool,
    /// Custom field values by name.
    #[schema(value_type = std::collections::BTreeMap<String, serde_json::Value>)]
    pub custom: crate::domain::custom::CustomValues,
    /// The owning user's id (under a `private` sharing model members see the contacts they own).
    pub owner_id: Option<String>,
    /// 1 on create, +1 per change; also sent as `ETag`.
    pub version: i64,
    /// Creation time (RFC 3339 UTC).
    pub created_at: String,
    /// Last change (RFC 3339 UTC).
    pub updated_at: String,
    /// Engagement score (2 decimals) as last refreshed: when an activity lands and by the hourly
    /// decay; `GET /api/contacts/{id}/score` computes it now, with its parts.
    pub score: f64,
}

impl From<Contact> for ContactResponse {
    fn from(c: Contact) -> Self {
        Self {
            id: c.id,
            first_name: c.first_name,
            last_name: c.last_name,
            email: c.email,
            phone: c.phone,
            title: c.title,
            company_id: c.company_id,
            status: c.status.as_str().to_string(),
            source: c.source,
            tags: c.tags,
            do_not_contact: c.do_not_contact,
            custom: c.custom,
            owner_id: c.owner_id,
            version: c.version,
            created_at: c.created_at,
            updated_at: c.updated_at,
            score: c.score.unwrap_or(0.0),
        }
    }
}

list_response!(ContactList, ContactResponse, "A page of contacts.");

impl TryFrom<CreateContactRequest> for NewContact {
    type Error = DomainError;
    fn try_from(r: CreateContactRequest) -> Result<Self, Self::Error> {
        NewContact::parse(ContactInput {
            first_name: r.first_name,
            last_name: r.last_name,
            email: r.email,
            phone: r.phone,
            title: r.title,
            company_id: r.company_id,
            status: r.status,
            source: r.source,
            tags: r.tags,
            do_not_contact: r.do_not_contact,
            custom: r.custom,
            owner_id: r.owner_id,
        })
    }
}

impl TryFrom<UpdateContactRequest> for ContactPatch {
    type Error = DomainError;
    fn try_from(r: UpdateContactRequest) -> Result<Self, Self::Error> {
        ContactPatch::parse(ContactPatchInput {
            first_name: r.first_name,
            last_name: r.last_name,
            email: r.email,
            phone: r.phone,
            title: r.title,
            company_id: r.company_id,
            status: r.status,
            source: r.source,
            tags: r.tags,
            do_not_contact: r.do_not_contact,
            custom: r.custom,
            owner_id: r.owner_id,
        })
    }
}

/// Sort fields of contact lists.
pub const CONTACT_SORTS: [&str; 5] = ["created_at", "updated_at", "name", "email", "score"];
/// Newest first.
pub const DEFAULT_CONTACT_SORT: Sort = Sort { field: "created_at", desc: true };

/// Filters, order and position of a contact list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListContactsParams {
    /// Page size, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500, nullable = false)]
    pub limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(nullable = false, pattern = "^[A-Za-z0-9_-]*$")]
    pub cursor: Option<String>,
    /// `created_at`, `updated_at`, `name` (last, first), `email`; prefix `-` for descending.
    /// Default `-created_at` (newest first).
    #[param(nullable = false, pattern = "^(-?(created_at|updated_at|name|email))?$")]
    pub sort: Option<String>,
    /// `true` adds `total` (costs a count).
    #[param(value_type = Option<bool>, nullable = false)]
    pub count: Option<String>,
    /// Only this status.
    #[param(value_type = Option<ContactStatusSchema>, nullable = false)]
    pub status: Option<String>,
    /// Only contacts of this company.
    #[param(value_type = Option<String>, format = Uuid, nullable = false)]
    pub company_id: Option<String>,
    /// Only contacts with this tag.
    #[param(nullable = false)]
    pub tag: Option<String>,
    /// Search names and email (words or word prefixes).
    #[param(nullable = false, max_length = 200)]
    pub q: Option<String>,
    /// Created at or after this time (RFC 3339).
    #[param(value_type = Option<String>, format = DateTime, nullable = false)]
    pub created_after: Option<String>,
    /// Created before this time (RFC 3339).
    #[param(value_type = Option<String>, format = DateTime, nullable = false)]
    pub created_before: Option<String>,
}

/// Validates a search text: trimmed, 1 to 200 characters.
pub fn parse_q(errors: &mut ParamErrors, q: Option<&str>) -> Option<String> {
    let q = q.map(str::trim).filter(|q| !q.is_empty())?;
    if q.chars().count() > 200 {
        errors.add("q", "must be at most 200 characters");
        return None;
    }
    Some(q.to_string())
}

impl ListContactsParams {
    /// Parses every parameter, reporting all invalid ones at once.
    pub fn parse(self) -> Result<(ContactQuery, PageRequest), AppError> {
        let mut errors = ParamErrors::default();
        let page = errors.page(
            self.limit.as_deref(),
            self.sort.as_deref(),
            self.cursor.as_deref(),
            self.count.as_deref(),
            &CONTACT_SORTS,
            DEFAULT_CONTACT_SORT,
        );
        let status = self.status.as_deref().map(str::trim).filter(|s| !s.is_empty()).and_then(|s| {
            let parsed = ContactStatus::parse(s);
            if parsed.is_none() {
                errors.add("status", "must be one of lead, mql, sql, opportunity, customer, churned");
            }
            parsed
        });
        let company_id = self.company_id.as_deref().map(str::trim).filter(|s| !s.is_empty()).and_then(|s| {
            let parsed = parse_id(s);
            if parsed.is_none() {
                errors.add("company_id", "is not a company id");
            }
            parsed
        });
        let query = ContactQuery {
            status,
            company_id,
            tag: self.tag.map(|t| t.trim().to_lowercase()).filter(|t| !t.is_empty()),
            q: parse_q(&mut errors, self.q.as_deref()),
            created_after: errors.timestamp("created_after", self.created_after.as_deref()),
            created_before: errors.timestamp("created_before", self.created_before.as_deref()),
        };
        errors.finish((query, page))
    }
}

/// Everything held about one contact (a data-subject access export).
#[derive(Debug, Serialize, ToSchema)]
pub struct ContactExportResponse {
    /// The record now.
    pub contact: ContactResponse,
    /// Every timeline entry, newest first.
    pub timeline: Vec<crate::models::timeline::TimelineEntryResponse>,
    /// Every change event, oldest first.
    pub history: Vec<crate::models::history::ChangeEventResponse>,
    /// When this export was made.
    pub exported_at: String,
}

impl From<crate::services::contacts::ContactExport> for ContactExportResponse {
    fn from(e: crate::services::contacts::ContactExport) -> Self {
        Self {
            contact: e.contact.into(),
            timeline: e.timeline.into_iter().map(Into::into).collect(),
            history: e.history.into_iter().map(Into::into).collect(),
            exported_at: crate::domain::ids::format_ts(crate::domain::ids::now()),
        }
    }
}
