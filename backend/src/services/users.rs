//! User administration: create, list, change role or password, delete; each with its change event.

use tracing::instrument;

use super::auth::hash_password;
use super::{precondition_failed, Precondition};
use crate::domain::auth::{check_password, NewUser, Role, User};
use crate::domain::fields::{parse_email, DomainError, Issues};
use crate::domain::history::{event_for, Origin};
use crate::domain::ids::{format_ts, new_id, now};
use crate::error::{AppError, AppResult};
use crate::repositories::users::{UserRepository, TABLE};
use crate::repositories::RepoError;

/// A validated change to a user.
#[derive(Debug, Default)]
pub struct UserPatch {
    /// New email.
    pub email: Option<String>,
    /// New password (checked for strength).
    pub password: Option<String>,
    /// New role.
    pub role: Option<Role>,
}

impl UserPatch {
    /// Validates untrusted input.
    pub fn parse(email: Option<String>, password: Option<String>, role: Option<String>) -> Result<Self, DomainError> {
        let mut issues = Issues::default();
        let email = email.and_then(|e| match parse_email(&e) {
            Ok(e) => Some(e),
            Err(m) => {
                issues.add("email", m);
                None
            }
        });
        if let Some(p) = &password {
            check_password(&mut issues, p);
        }
        let role = crate::domain::auth::parse_role(&mut issues, role);
        issues.finish(UserPatch { email, password, role })
    }
}

/// User use cases.
#[derive(Clone)]
pub struct UserService {
    users: UserRepository,
}

/// Maps a failed user write; `seen` is the version the write expected (a lost race means the
/// user has moved past it).
fn write_error(seen: i64) -> impl Fn(RepoError) -> AppError {
    move |err| match err {
        RepoError::Duplicate(_) => AppError::conflict("email_taken", "a user with this email already exists"),
        RepoError::VersionMismatch | RepoError::TxConflict => precondition_failed(seen + 1),
        other => other.into(),
    }
}

impl UserService {
    /// A service over its repository.
    pub fn new(users: UserRepository) -> Self {
        Self { users }
    }

    /// Creates a user (the password is hashed with argon2id off the async threads).
    #[instrument(skip_all)]
    pub async fn create(&self, new: NewUser, origin: &Origin) -> AppResult<User> {
        let hash = hash_password(new.password).await?;
        let at = now();
        let ts = format_ts(at);
        let user = User {
            id: new_id(at),
            email: new.email,
            role: new.role,
            version: 1,
            created_at: ts.clone(),
            updated_at: ts.clone(),
        };
        let event = event_for(TABLE, &user.id, 1, None, Some(&user), origin, new_id(at), &ts);
        self.users.write(&user.id, Some((&user, &hash)), None, &event).await.map_err(write_error(0))?;
        Ok(user)
    }

    /// Creates the first admin when no user exists yet; `None` when users already exist.
    pub async fn bootstrap_admin(&self, email: &str, password: &str) -> AppResult<Option<User>> {
        if self.users.counts().await?.0 > 0 {
            return Ok(None);
        }
        let new = NewUser::parse(Some(email.into()), Some(password.into()), Some("admin".into()))?;
        self.create(new, &Origin::system("bootstrap")).await.map(Some)
    }

    /// Every user.
    pub async fn list(&self) -> AppResult<Vec<User>> {
        Ok(self.users.list().await?)
    }

    /// One user.
    pub async fn get(&self, id: &str) -> AppResult<User> {
        Ok(self.users.get(id).await?.ok_or_else(|| AppError::not_found("user", id))?.user)
    }

    /// Changes email, password or role. The last admin cannot be demoted.
    #[instrument(skip_all)]
    pub async fn update(&self, id: &str, patch: UserPatch, pre: Precondition, origin: &Origin) -> AppResult<User> {
        let current = self.users.get(id).await?.ok_or_else(|| AppError::not_found("user", id))?;
        if !pre.holds(current.user.version) {
            return Err(precondition_failed(current.user.version));
        }
        if current.user.role == Role::Admin && patch.role.is_some_and(|r| r != Role::Admin) {
            self.ensure_other_admin().await?;
        }
        let hash = match patch.password {
            Some(p) => hash_password(p).await?,
            None => current.password_hash.clone(),
        };
        let at = now();
        let ts = format_ts(at);
        let mut next = current.user.clone();
        next.email = patch.email.unwrap_or(next.email);
        next.role = patch.role.unwrap_or(next.role);
        next.version += 1;
        next.updated_at = ts.clone();
        let event = event_for(TABLE, id, next.version, Some(&current.user), Some(&next), origin, new_id(at), &ts);
        self.users
            .write(id, Some((&next, &hash)), Some(current.user.version), &event)
            .await
            .map_err(write_error(current.user.version))?;
        Ok(next)
    }

    /// Deletes a user and revokes their tokens. The last admin cannot be deleted.
    #[instrument(skip_all)]
    pub async fn delete(&self, id: &str, origin: &Origin) -> AppResult<()> {
        let current = self.get(id).await?;
        if current.role == Role::Admin {
            self.ensure_other_admin().await?;
        }
        let at = now();
        let ts = format_ts(at);
        let event = event_for::<User>(TABLE, id, current.version + 1, Some(&current), None, origin, new_id(at), &ts);
        self.users.write(id, None, Some(current.version), &event).await.map_err(write_error(current.version))
    }

    async fn ensure_other_admin(&self) -> AppResult<()> {
        if self.users.counts().await?.1 <= 1 {
            return Err(AppError::conflict("last_admin", "the last admin cannot be removed or demoted"));
        }
        Ok(())
    }
}
