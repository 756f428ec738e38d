//! User storage: rows (with the password hash, never part of events) and lookups.

use serde_json::{json, Value};

use super::records::{self, VersionedWrite};
use super::{decode_row, decode_rows, encode_row, RepoResult};
use crate::db::Db;
use crate::domain::auth::User;
use crate::domain::history::ChangeEvent;

/// Table name.
pub const TABLE: &str = "user";

/// User persistence.
#[derive(Clone)]
pub struct UserRepository {
    db: Db,
}

/// A user with the stored password hash.
pub struct UserWithHash {
    /// The user.
    pub user: User,
    /// Argon2id PHC string.
    pub password_hash: String,
}

fn split(row: Value) -> RepoResult<UserWithHash> {
    let hash = row.get("password_hash").and_then(Value::as_str).unwrap_or_default().to_string();
    Ok(UserWithHash { user: decode_row(row)?, password_hash: hash })
}

impl UserRepository {
    /// A repository over `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// The user with this id.
    pub async fn get(&self, id: &str) -> RepoResult<Option<UserWithHash>> {
        records::get_row(&self.db, TABLE, id).await?.map(split).transpose()
    }

    /// The user a live sign-in token belongs to, and the token's expiry, in one round trip.
    pub async fn by_token(&self, token_hash: &str) -> RepoResult<Option<(UserWithHash, String)>> {
        let mut res = self
            .db
            .query(
                "LET $t = (SELECT user_id, expires_at FROM auth_token WHERE hash = $hash LIMIT 1)[0];\n\
                 IF $t = NONE { RETURN NONE };\n\
                 RETURN { expires_at: $t.expires_at, user: (SELECT * FROM ONLY type::record('user', $t.user_id)) };",
            )
            .bind(json!({ "hash": token_hash }))
            .await?
            .check()?;
        let last = res.num_statements().saturating_sub(1);
        let found: Option<Value> = res.take(last)?;
        let Some(mut found) = found.filter(|v| v.is_object()) else { return Ok(None) };
        let expires_at = found.get("expires_at").and_then(Value::as_str).unwrap_or_default().to_string();
        match found.get_mut("user").map(Value::take).filter(Value::is_object) {
            Some(row) => Ok(Some((split(row)?, expires_at))),
            None => Ok(None),
        }
    }

    /// The user with this (normalised) email.
    pub async fn by_email(&self, email: &str) -> RepoResult<Option<UserWithHash>> {
        let mut res = self
            .db
            .query("SELECT * FROM user WHERE email = $email LIMIT 1")
            .bind(json!({ "email": email }))
            .await?
            .check()?;
        let rows: Vec<Value> = res.take(0)?;
        rows.into_iter().next().map(split).transpose()
    }

    /// Every user, oldest first (user lists are small).
    pub async fn list(&self) -> RepoResult<Vec<User>> {
        let mut res =
            self.db.query("SELECT * OMIT password_hash FROM user ORDER BY key ASC LIMIT 10000").await?.check()?;
        let rows: Vec<Value> = res.take(0)?;
        decode_rows(rows)
    }

    /// How many users exist, and how many of them are admins.
    pub async fn counts(&self) -> RepoResult<(u64, u64)> {
        let mut res = self
            .db
            .query(
                "SELECT count() AS n FROM user GROUP ALL;\n\
                 SELECT count() AS n FROM user WHERE role = 'admin' GROUP ALL;",
            )
            .await?
            .check()?;
        let all: Vec<Value> = res.take(0)?;
        let admins: Vec<Value> = res.take(1)?;
        let n = |rows: &[Value]| rows.first().and_then(|r| r["n"].as_u64()).unwrap_or(0);
        Ok((n(&all), n(&admins)))
    }

    /// Writes a user change with its event (create when `expected` is `None`, delete when `user` is `None`).
    /// A delete also revokes the user's sign-in tokens.
    pub async fn write(
        &self,
        id: &str,
        user: Option<(&User, &str)>,
        expected: Option<i64>,
        event: &ChangeEvent,
    ) -> RepoResult<()> {
        let row = user.map(|(u, hash)| {
            let mut row = encode_row(u);
            row["password_hash"] = json!(hash);
            row
        });
        records::commit(&self.db, VersionedWrite::new(TABLE, id, row, expected, event)).await?;
        if user.is_none() {
            self.db.query("DELETE auth_token WHERE user_id = $id").bind(json!({ "id": id })).await?.check()?;
        }
        Ok(())
    }
}
