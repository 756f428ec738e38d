//! Sign-in, tokens, API keys and resolving a request's credential into a [`Principal`].

use std::sync::Arc;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::limits::RateLimiter;
use crate::config::Settings;
use crate::domain::auth::{Principal, PrincipalKind, Role, User};
use crate::domain::ids::{format_ts, new_id, now, parse_ts};
use crate::error::{AppError, AppResult};
use crate::repositories::credentials::{ApiKeyRecord, CredentialRepository};
use crate::repositories::users::UserRepository;

/// Prefix of sign-in tokens.
pub const TOKEN_PREFIX: &str = "crm_t_";
/// Prefix of API keys.
pub const KEY_PREFIX: &str = "crm_k_";

/// Authentication use cases.
#[derive(Clone)]
pub struct AuthService {
    users: UserRepository,
    creds: CredentialRepository,
    secret: Arc<Vec<u8>>,
    ttl_minutes: i64,
    login_limiter: RateLimiter,
    touched: Arc<std::sync::Mutex<std::collections::HashMap<String, std::time::Instant>>>,
    /// Live API keys by HMAC, for [`KEY_CACHE_TTL`]: integrations send many requests with one key.
    keys: Arc<std::sync::Mutex<std::collections::HashMap<String, (ApiKeyRecord, std::time::Instant)>>>,
}

/// How long a looked-up API key is trusted without asking the database again. Revoking a key
/// takes effect at once in the process that revokes it, and within this time in other replicas.
pub const KEY_CACHE_TTL: std::time::Duration = std::time::Duration::from_secs(5);
/// Cached keys kept at most (the cache starts over beyond it).
const KEY_CACHE_MAX: usize = 10_000;

/// A successful sign-in.
pub struct Session {
    /// The bearer token (only ever shown here).
    pub token: String,
    /// When it stops working.
    pub expires_at: String,
    /// Who signed in.
    pub user: User,
}

/// Hashes a password with argon2id on a blocking thread.
pub async fn hash_password(password: String) -> AppResult<String> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string())
    })
    .await?
    .map_err(|e| AppError::Internal(e.to_string()))
}

/// Verifies a password on a blocking thread; `None` checks against a dummy hash, so an unknown
/// account costs as much time as a wrong password.
async fn verify_password(hash: Option<String>, password: String) -> bool {
    tokio::task::spawn_blocking(move || {
        let known = hash.is_some();
        let hash = hash.unwrap_or_else(dummy_hash);
        let ok =
            PasswordHash::new(&hash).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok());
        ok && known
    })
    .await
    .unwrap_or(false)
}

fn random_secret(prefix: &str) -> String {
    let bytes: [u8; 32] = rand::random();
    format!("{prefix}{}", URL_SAFE_NO_PAD.encode(bytes))
}

impl AuthService {
    /// Builds the service; the token secret comes from settings, or from the database
    /// (generated on first start) so tokens and keys survive restarts.
    pub async fn new(settings: &Settings, users: UserRepository, creds: CredentialRepository) -> AppResult<Self> {
        let configured = settings.auth.token_secret.expose().to_string();
        let secret = if configured.is_empty() { creds.token_secret(&random_secret("")).await? } else { configured };
        let per_minute = f64::from(settings.limits.login_per_minute);
        Ok(Self {
            users,
            creds,
            secret: Arc::new(secret.into_bytes()),
            ttl_minutes: settings.auth.token_ttl_minutes.max(1),
            login_limiter: RateLimiter::new(per_minute / 60.0, per_minute),
            touched: Arc::default(),
            keys: Arc::default(),
        })
    }

    /// A key for `purpose` (signing links, say) derived from the server secret.
    pub fn derived_key(&self, purpose: &str) -> Vec<u8> {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.secret).expect("HMAC takes any key length");
        mac.update(b"derived-key:");
        mac.update(purpose.as_bytes());
        mac.finalize().into_bytes().to_vec()
    }

    /// HMAC-SHA256 of a token or key under the server secret, hex.
    pub fn digest(&self, secret: &str) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.secret).expect("HMAC takes any key length");
        mac.update(secret.as_bytes());
        mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Signs a user in. Unknown email and wrong password answer alike (and take as long).
    pub async fn login(&self, email: &str, password: &str, client_ip: &str) -> AppResult<Session> {
        let email = email.trim().to_lowercase();
        for key in [format!("ip:{client_ip}"), format!("account:{email}")] {
            if let Err(retry_after_secs) = self.login_limiter.check(&key) {
                return Err(AppError::RateLimited { retry_after_secs });
            }
        }
        let found = self.users.by_email(&email).await?;
        let Some(found) = found else {
            let _ = verify_password(None, password.to_string()).await;
            return Err(AppError::Unauthorized);
        };
        if !verify_password(Some(found.password_hash.clone()), password.to_string()).await {
            return Err(AppError::Unauthorized);
        }
        let at = now();
        let expires = at + chrono::Duration::minutes(self.ttl_minutes);
        let token = random_secret(TOKEN_PREFIX);
        self.creds.insert_token(&self.digest(&token), &found.user.id, &format_ts(at), &format_ts(expires)).await?;
        Ok(Session { token, expires_at: format_ts(expires), user: found.user })
    }

    /// Revokes the token a principal signed in with.
    pub async fn logout(&self, principal: &Principal) -> AppResult<()> {
        match (&principal.kind, &principal.token_hash) {
            (PrincipalKind::User, Some(hash)) => Ok(self.creds.delete_token(hash).await?),
            _ => Err(AppError::Validation {
                code: "not_a_session",
                detail: "an API key cannot sign out; revoke it with DELETE /api/api-keys/{id}".into(),
                errors: vec![],
            }),
        }
    }

    /// Resolves a bearer credential; `Unauthorized` for anything unknown, expired or revoked.
    pub async fn authenticate(&self, bearer: &str) -> AppResult<Principal> {
        let hash = self.digest(bearer);
        if bearer.starts_with(KEY_PREFIX) {
            let key = self.key_by_hash(&hash).await?.ok_or(AppError::Unauthorized)?;
            self.touch(&key.id).await;
            let role = Role::parse(&key.role).ok_or(AppError::Unauthorized)?;
            return Ok(Principal { kind: PrincipalKind::ApiKey, id: key.id, role, label: key.name, token_hash: None });
        }
        let (user, expires_at) = self.users.by_token(&hash).await?.ok_or(AppError::Unauthorized)?;
        if parse_ts(&expires_at).is_none_or(|exp| exp <= now()) {
            return Err(AppError::Unauthorized);
        }
        let user = user.user;
        Ok(Principal {
            kind: PrincipalKind::User,
            id: user.id,
            role: user.role,
            label: user.email,
            token_hash: Some(hash),
        })
    }

    /// A live key by its HMAC, from the cache when looked up less than [`KEY_CACHE_TTL`] ago.
    async fn key_by_hash(&self, hash: &str) -> AppResult<Option<ApiKeyRecord>> {
        {
            let keys = self.keys.lock().unwrap_or_else(|e| e.into_inner());
            if let Some((key, at)) = keys.get(hash) {
                if at.elapsed() < KEY_CACHE_TTL {
                    return Ok(Some(key.clone()));
                }
            }
        }
        let found = self.creds.key_by_hash(hash).await?;
        let mut keys = self.keys.lock().unwrap_or_else(|e| e.into_inner());
        match &found {
            Some(key) => {
                if keys.len() >= KEY_CACHE_MAX {
                    keys.clear();
                }
                keys.insert(hash.to_string(), (key.clone(), std::time::Instant::now()));
            }
            None => {
                keys.remove(hash);
            }
        }
        Ok(found)
    }

    /// Records a key's use, at most once a minute per key (and process).
    async fn touch(&self, id: &str) {
        let due = {
            let mut touched = self.touched.lock().unwrap_or_else(|e| e.into_inner());
            let now = std::time::Instant::now();
            match touched.get(id) {
                Some(t) if now.duration_since(*t).as_secs() < 60 => false,
                _ => {
                    touched.insert(id.to_string(), now);
                    true
                }
            }
        };
        if due {
            if let Err(e) = self.creds.touch_key(id, &format_ts(now())).await {
                tracing::warn!(error = %e, "recording API key use failed");
            }
        }
    }

    /// Creates an API key; the secret is returned once and only its HMAC is stored.
    pub async fn create_key(&self, name: String, role: Role, created_by: &str) -> AppResult<(ApiKeyRecord, String)> {
        let secret = random_secret(KEY_PREFIX);
        let at = now();
        let record = ApiKeyRecord {
            id: new_id(at),
            name,
            role: role.as_str().into(),
            prefix: secret.chars().take(KEY_PREFIX.len() + 6).collect(),
            created_by: created_by.into(),
            created_at: format_ts(at),
            last_used_at: None,
            revoked_at: None,
        };
        self.creds.insert_key(&record, &self.digest(&secret)).await?;
        Ok((record, secret))
    }

    /// Every API key (without secrets).
    pub async fn list_keys(&self) -> AppResult<Vec<ApiKeyRecord>> {
        Ok(self.creds.list_keys().await?)
    }

    /// Revokes a key at once; 404 when there is no live key with this id.
    pub async fn revoke_key(&self, id: &str) -> AppResult<()> {
        if self.creds.revoke_key(id, &format_ts(now())).await? {
            self.keys.lock().unwrap_or_else(|e| e.into_inner()).retain(|_, (key, _)| key.id != id);
            Ok(())
        } else {
            Err(AppError::not_found("api key", id))
        }
    }

    /// Removes expired sign-in tokens.
    pub async fn purge_expired(&self) -> AppResult<()> {
        Ok(self.creds.purge_expired_tokens(&format_ts(now())).await?)
    }
}

/// A valid argon2id hash of nothing anyone knows, so a missing user costs the same as a wrong password.
fn dummy_hash() -> String {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY
        .get_or_init(|| {
            let salt = SaltString::generate(&mut OsRng);
            Argon2::default()
                .hash_password(random_secret("").as_bytes(), &salt)
                .map(|h| h.to_string())
                .unwrap_or_default()
        })
        .clone()
}
