//! Auth DTOs: sign-in, the caller, users and API keys.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::domain::auth::{Principal, PrincipalKind, User};
use crate::repositories::credentials::ApiKeyRecord;

/// Email and password.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"email": "admin@example.com", "password": "correct horse battery staple"}))]
pub struct LoginRequest {
    /// Email.
    #[validate(length(max = 254))]
    pub email: String,
    /// Password.
    #[validate(length(max = 256))]
    pub password: String,
}

/// A user as the API shows it (never the password hash).
#[derive(Debug, Serialize, ToSchema)]
pub struct UserResponse {
    /// Id.
    pub id: String,
    /// Email.
    pub email: String,
    /// `admin`, `member` or `viewer`.
    pub role: String,
    /// Version.
    pub version: i64,
    /// Created.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

impl From<User> for UserResponse {
    fn from(u: User) -> Self {
        Self {
            id: u.id,
            email: u.email,
            role: u.role.as_str().into(),
            version: u.version,
            created_at: u.created_at,
            updated_at: u.updated_at,
        }
    }
}

/// A new sign-in.
#[derive(Debug, Serialize, ToSchema)]
pub struct LoginResponse {
    /// Send as `Authorization: Bearer <token>`.
    pub token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// When the token stops working (RFC 3339).
    pub expires_at: String,
    /// Who signed in.
    pub user: UserResponse,
}

/// The caller of this request.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeResponse {
    /// `user` or `api_key`.
    pub kind: String,
    /// User id or key id.
    pub id: String,
    /// Role.
    pub role: String,
    /// The user's email, for users.
    pub email: Option<String>,
    /// The key's name, for API keys.
    pub name: Option<String>,
}

impl From<Principal> for MeResponse {
    fn from(p: Principal) -> Self {
        let (kind, email, name) = match p.kind {
            PrincipalKind::User => ("user", Some(p.label), None),
            PrincipalKind::ApiKey => ("api_key", None, Some(p.label)),
        };
        Self { kind: kind.into(), id: p.id, role: p.role.as_str().into(), email, name }
    }
}

/// A new user.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"email": "sam@example.com", "password": "a long passphrase", "role": "member"}))]
pub struct CreateUserRequest {
    /// Email (unique).
    #[schema(required = true, nullable = false, format = Email, max_length = 254)]
    pub email: Option<String>,
    /// Password, at least 12 characters.
    #[schema(required = true, nullable = false, min_length = 12, max_length = 256, pattern = "^(?!([\\s\\S])\\1*$)")]
    pub password: Option<String>,
    /// `admin`, `member` (default) or `viewer`.
    #[schema(nullable = false, pattern = "^(admin|member|viewer)$")]
    pub role: Option<String>,
}

/// Changes to a user.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateUserRequest {
    /// New email.
    #[schema(format = Email, max_length = 254)]
    pub email: Option<String>,
    /// New password, at least 12 characters.
    #[schema(min_length = 12, max_length = 256, pattern = "^(?!([\\s\\S])\\1*$)")]
    pub password: Option<String>,
    /// New role.
    #[schema(pattern = "^(admin|member|viewer)$")]
    pub role: Option<String>,
}

/// Every user.
#[derive(Debug, Serialize, ToSchema)]
pub struct UserList {
    /// Users, oldest first.
    pub data: Vec<UserResponse>,
    /// Always `null`: all users fit one page.
    pub next_cursor: Option<String>,
}

/// A new API key.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "website forms", "role": "member"}))]
pub struct CreateApiKeyRequest {
    /// What the key is for.
    #[validate(length(min = 1, max = 100))]
    #[schema(pattern = "\\S", min_length = 1, max_length = 100)]
    pub name: String,
    /// `admin`, `member` or `viewer`.
    #[schema(pattern = "^(admin|member|viewer)$")]
    pub role: String,
}

/// An API key (without its secret).
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiKeyResponse {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Role.
    pub role: String,
    /// First characters of the key.
    pub prefix: String,
    /// Who created it.
    pub created_by: String,
    /// Created.
    pub created_at: String,
    /// Last use.
    pub last_used_at: Option<String>,
    /// Revocation time, if revoked.
    pub revoked_at: Option<String>,
}

impl From<ApiKeyRecord> for ApiKeyResponse {
    fn from(k: ApiKeyRecord) -> Self {
        Self {
            id: k.id,
            name: k.name,
            role: k.role,
            prefix: k.prefix,
            created_by: k.created_by,
            created_at: k.created_at,
            last_used_at: k.last_used_at,
            revoked_at: k.revoked_at,
        }
    }
}

/// A key just created: the only time its secret is shown.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedApiKeyResponse {
    /// The secret: send as `Authorization: Bearer <key>`. Shown once.
    pub key: String,
    /// The stored key.
    #[serde(flatten)]
    pub api_key: ApiKeyResponse,
}

/// Every API key.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiKeyList {
    /// Keys, newest first.
    pub data: Vec<ApiKeyResponse>,
    /// Always `null`.
    pub next_cursor: Option<String>,
}
