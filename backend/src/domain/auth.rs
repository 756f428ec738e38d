//! Who may do what: roles, users, the principal behind a request, password rules.

use serde::{Deserialize, Serialize};

use super::fields::{parse_email, DomainError, Issues};

/// What a user or API key may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Everything, including users, keys and settings.
    Admin,
    /// Read and write CRM data.
    Member,
    /// Read only.
    Viewer,
}

impl Role {
    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Member => "member",
            Self::Viewer => "viewer",
        }
    }

    /// Parses a wire name.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim() {
            "admin" => Some(Self::Admin),
            "member" => Some(Self::Member),
            "viewer" => Some(Self::Viewer),
            _ => None,
        }
    }
}

/// What a request needs from its caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Reading CRM data.
    Read,
    /// Changing CRM data.
    Write,
    /// Users, API keys, erasure, settings.
    Admin,
}

impl Access {
    /// Whether `role` grants this access.
    pub fn allowed_for(self, role: Role) -> bool {
        match self {
            Access::Read => true,
            Access::Write => role != Role::Viewer,
            Access::Admin => role == Role::Admin,
        }
    }
}

/// The authenticated caller of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    /// `user` or `api_key`.
    pub kind: PrincipalKind,
    /// User id or API key id.
    pub id: String,
    /// Role.
    pub role: Role,
    /// User email or key name (shown by `/api/auth/me`, never logged).
    pub label: String,
    /// HMAC of the token used, for logout.
    pub token_hash: Option<String>,
}

/// What kind of credential authenticated a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrincipalKind {
    /// A signed-in user (bearer token).
    User,
    /// An API key.
    ApiKey,
}

impl Principal {
    /// How change events name this caller: `user:<id>` or `api_key:<id>`.
    pub fn actor(&self) -> String {
        match self.kind {
            PrincipalKind::User => format!("user:{}", self.id),
            PrincipalKind::ApiKey => format!("api_key:{}", self.id),
        }
    }
}

/// A person who signs in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct User {
    /// Id.
    pub id: String,
    /// Unique, lower-cased email.
    pub email: String,
    /// Role.
    pub role: Role,
    /// 1 on create, +1 per change.
    pub version: i64,
    /// Created.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

/// Shortest acceptable password.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// Longest accepted password (hashing cost is bounded).
pub const MAX_PASSWORD_CHARS: usize = 256;

/// Checks a new password's strength.
pub fn check_password(issues: &mut Issues, password: &str) {
    let n = password.chars().count();
    if n < MIN_PASSWORD_CHARS {
        issues.add("password", format!("must be at least {MIN_PASSWORD_CHARS} characters"));
    } else if n > MAX_PASSWORD_CHARS {
        issues.add("password", format!("must be at most {MAX_PASSWORD_CHARS} characters"));
    } else if password.chars().all(|c| c == password.chars().next().unwrap_or(' ')) {
        issues.add("password", "must not be one repeated character");
    }
}

/// Validated new user (the password is hashed by the service).
#[derive(Debug, Clone)]
pub struct NewUser {
    /// Email.
    pub email: String,
    /// Plain password, checked for strength.
    pub password: String,
    /// Role.
    pub role: Role,
}

impl NewUser {
    /// Validates untrusted input; the role defaults to `member`.
    pub fn parse(email: Option<String>, password: Option<String>, role: Option<String>) -> Result<Self, DomainError> {
        let mut issues = Issues::default();
        let email = match email.as_deref().map(parse_email) {
            Some(Ok(e)) => e,
            Some(Err(m)) => {
                issues.add("email", m);
                String::new()
            }
            None => {
                issues.add("email", "is required");
                String::new()
            }
        };
        let password = password.unwrap_or_default();
        check_password(&mut issues, &password);
        let role = parse_role(&mut issues, role).unwrap_or(Role::Member);
        issues.finish(NewUser { email, password, role })
    }
}

/// Parses an optional role, recording an issue for an unknown one.
pub fn parse_role(issues: &mut Issues, role: Option<String>) -> Option<Role> {
    let raw = role?;
    let parsed = Role::parse(&raw);
    if parsed.is_none() {
        issues.add("role", "must be one of admin, member, viewer");
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_grant_access_in_order() {
        assert!(Access::Read.allowed_for(Role::Viewer));
        assert!(!Access::Write.allowed_for(Role::Viewer));
        assert!(Access::Write.allowed_for(Role::Member));
        assert!(!Access::Admin.allowed_for(Role::Member));
        assert!(Access::Admin.allowed_for(Role::Admin));
    }

    #[test]
    fn weak_passwords_are_refused() {
        assert!(NewUser::parse(Some("a@example.com".into()), Some("short".into()), None).is_err());
        assert!(NewUser::parse(Some("a@example.com".into()), Some("aaaaaaaaaaaaaaaa".into()), None).is_err());
        let ok = NewUser::parse(Some("A@example.com".into()), Some("correct horse battery".into()), None).unwrap();
        assert_eq!((ok.email.as_str(), ok.role), ("a@example.com", Role::Member));
    }
}
