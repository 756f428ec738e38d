//! Security DTOs: an object's sharing model and field permissions, and a record's shares.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::domain::security::{FieldAccess, ObjectSecurity, Share, ShareAccess, Sharing};

/// One role's access to one field.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct FieldPermissionDto {
    /// A built-in field (`amount`) or `custom.<name>`.
    #[schema(example = "custom.salary")]
    pub field: String,
    /// `member` or `viewer` (admins see and change every field).
    #[schema(example = "viewer")]
    pub role: String,
    /// `hidden` (never served, not filterable) or `read_only` (served, a write setting it is 403).
    #[schema(example = "hidden")]
    pub access: String,
}

/// Who sees and changes an object's records and fields.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityResponse {
    /// The object.
    pub object: String,
    /// `private` (members and viewers see their own records and those shared with them),
    /// `public_read` (everyone reads; owners, write shares and admins change) or
    /// `public_read_write` (the default).
    pub sharing: String,
    /// Field permissions per role.
    pub fields: Vec<FieldPermissionDto>,
    /// 0 while the defaults apply, then +1 per change (the ETag).
    pub version: i64,
    /// Last changed (`null` while the defaults apply).
    pub updated_at: Option<String>,
}

fn wire<T: Serialize>(value: T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

impl From<ObjectSecurity> for SecurityResponse {
    fn from(s: ObjectSecurity) -> Self {
        Self {
            object: s.object.name().to_string(),
            sharing: wire::<Sharing>(s.sharing),
            fields: s
                .fields
                .into_iter()
                .map(|p| FieldPermissionDto {
                    field: p.field,
                    role: p.role.as_str().to_string(),
                    access: wire::<FieldAccess>(p.access),
                })
                .collect(),
            version: s.version,
            updated_at: (!s.updated_at.is_empty()).then_some(s.updated_at),
        }
    }
}

/// New settings; what is left out stays. `fields` replaces every field permission.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateSecurityRequest {
    /// `private`, `public_read` or `public_read_write`.
    #[schema(example = "private")]
    pub sharing: Option<String>,
    /// Every field permission (at most 500).
    #[validate(length(max = 500))]
    pub fields: Option<Vec<FieldPermissionDto>>,
}

impl From<UpdateSecurityRequest> for crate::domain::security::SecurityInput {
    fn from(r: UpdateSecurityRequest) -> Self {
        Self {
            sharing: r.sharing,
            fields: r.fields.map(|f| f.into_iter().map(|p| (p.field, p.role, p.access)).collect()),
        }
    }
}

/// Share a record with a user.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShareRequest {
    /// The user.
    #[validate(length(min = 1, max = 64))]
    pub user_id: String,
    /// `read` (the default) or `write`.
    #[schema(example = "read")]
    pub access: Option<String>,
}

/// A record shared with a user.
#[derive(Debug, Serialize, ToSchema)]
pub struct ShareResponse {
    /// The record's object.
    pub object: String,
    /// The record.
    pub record_id: String,
    /// The user.
    pub user_id: String,
    /// `read` or `write`.
    pub access: String,
    /// Shared at.
    pub created_at: String,
    /// Last changed.
    pub updated_at: String,
}

impl From<Share> for ShareResponse {
    fn from(s: Share) -> Self {
        Self {
            object: s.object.name().to_string(),
            record_id: s.record_id,
            user_id: s.user_id,
            access: wire::<ShareAccess>(s.access),
            created_at: s.created_at,
            updated_at: s.updated_at,
        }
    }
}

/// The shares of a record.
#[derive(Debug, Serialize, ToSchema)]
pub struct ShareList {
    /// By user.
    pub items: Vec<ShareResponse>,
}
