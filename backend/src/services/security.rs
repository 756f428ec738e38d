//! Row- and field-level security: each object's settings (kept for [`CACHE_FOR`]), the shares
//! of single records, and what a caller may see and change (domain/security.rs).

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, RwLock};
use std::time::Instant;

use serde_json::{json, Value};

use super::records::Store;
use super::schema::{name_taken, SchemaService, CACHE_FOR};
use super::Precondition;
use crate::domain::auth::{Principal, PrincipalKind, Role};
use crate::domain::custom::Object;
use crate::domain::history::Origin;
use crate::domain::pagination::PageRequest;
use crate::domain::security::{
    record_access, FieldMask, ObjectSecurity, RecordAccess, SecurityInput, Share, ShareAccess, Sharing, Visible,
};
use crate::error::{AppError, AppResult};
use crate::repositories::records::Stored;
use crate::repositories::{decode_rows, encode_row, strip_id};

impl Stored for ObjectSecurity {
    const TABLE: &'static str = "object_security";
    const NOUN: &'static str = "security settings";

    crate::repositories::records::identity_fields!();

    fn row(&self) -> Value {
        encode_row(self)
    }

    fn title(&self) -> String {
        format!("{} security", self.object.name())
    }
}

impl Stored for Share {
    const TABLE: &'static str = "record_share";
    const NOUN: &'static str = "share";

    crate::repositories::records::identity_fields!();

    fn row(&self) -> Value {
        encode_row(self)
    }

    fn title(&self) -> String {
        format!("{} {} shared", self.object.name(), self.record_id)
    }
}

/// What one caller sees of one object: the hidden fields, and for a private object which rows.
#[derive(Debug, Clone, Default)]
pub struct Audience {
    /// Fields not served or not writable.
    pub mask: FieldMask,
    /// For a private object read by a member or viewer: the caller's user id and the ids of the
    /// records shared with them. `None`: every row.
    pub rows: Option<(Option<String>, HashSet<String>)>,
}

impl Audience {
    /// Whether the record (as served, with `id` and `owner_id`) is one the caller may see.
    pub fn sees(&self, record: &Value) -> bool {
        let Some((me, shared)) = &self.rows else { return true };
        let owner = record.get("owner_id").and_then(Value::as_str);
        let id = record.get("id").and_then(Value::as_str).unwrap_or_default();
        (me.is_some() && owner == me.as_deref()) || shared.contains(id)
    }

    /// The rows a list may hold for this caller (`None`: every row).
    pub fn visible(&self) -> Option<Visible> {
        let (owner, shared) = self.rows.as_ref()?;
        let mut shared: Vec<String> = shared.iter().cloned().collect();
        shared.sort();
        Some(Visible { owner: owner.clone(), shared })
    }

    /// `page` restricted to the rows this caller may see.
    pub fn page(&self, mut page: PageRequest) -> PageRequest {
        page.visible = self.visible();
        page
    }

    /// The record as the caller may see it: `None` when it is not theirs to see, else redacted.
    pub fn show(&self, mut record: Value) -> Option<Value> {
        if !self.sees(&record) {
            return None;
        }
        self.mask.redact_record(&mut record);
        Some(record)
    }
}

/// What the security middleware decided for this request (handlers/security.rs); everything
/// when it decided nothing (an admin, or no restrictions).
impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Audience {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(parts.extensions.get::<Audience>().cloned().unwrap_or_default())
    }
}

type Settings = Arc<HashMap<Object, ObjectSecurity>>;

/// Security settings and shares.
#[derive(Clone)]
pub struct SecurityService {
    settings: Store<ObjectSecurity>,
    shares: Store<Share>,
    schema: SchemaService,
    cache: Arc<RwLock<Option<(Instant, Settings)>>>,
}

impl SecurityService {
    /// A service over its stores; `schema` knows the objects and their fields.
    pub fn new(settings: Store<ObjectSecurity>, shares: Store<Share>, schema: SchemaService) -> Self {
        Self { settings, shares, schema, cache: Arc::default() }
    }

    /// Every object's stored settings (read again after [`CACHE_FOR`]).
    async fn all(&self) -> AppResult<Settings> {
        if let Some((loaded, all)) = self.cache.read().unwrap_or_else(|e| e.into_inner()).as_ref() {
            if loaded.elapsed() < CACHE_FOR {
                return Ok(all.clone());
            }
        }
        let mut res = self.settings.db().query("SELECT * FROM object_security LIMIT 10000").await?.check()?;
        let rows: Vec<Value> = res.take(0)?;
        let rows: Vec<ObjectSecurity> = decode_rows(rows.into_iter().map(strip_id).collect())?;
        let all: Settings = Arc::new(rows.into_iter().map(|s| (s.object, s)).collect());
        *self.cache.write().unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), all.clone()));
        Ok(all)
    }

    fn forget(&self) {
        *self.cache.write().unwrap_or_else(|e| e.into_inner()) = None;
    }

    /// Whether any object restricts anything (if not, no request needs a look).
    pub async fn any(&self) -> AppResult<bool> {
        Ok(self.all().await?.values().any(|s| s.sharing != Sharing::PublicReadWrite || !s.fields.is_empty()))
    }

    /// The settings of `object` (the defaults when none are stored).
    pub async fn get(&self, object: Object) -> AppResult<ObjectSecurity> {
        Ok(self.all().await?.get(&object).cloned().unwrap_or_else(|| ObjectSecurity::defaults(object)))
    }

    /// Replaces the settings of `object` (field names checked against `builtin`, the names of
    /// its built-in fields, and its custom fields).
    pub async fn put(
        &self,
        object: Object,
        builtin: &[String],
        input: SecurityInput,
        pre: Precondition,
        origin: &Origin,
    ) -> AppResult<ObjectSecurity> {
        let fields = self.schema.list_fields(object).await?;
        let known = |f: &str| match f.strip_prefix("custom.") {
            Some(name) => fields.iter().any(|v| v.field.name == name),
            None => builtin.iter().any(|b| b == f),
        };
        let stored = self.stored(object).await?;
        let saved = match stored {
            None => {
                if !pre.holds(0) {
                    return Err(AppError::PreconditionFailed { detail: "the settings changed: now version 0".into() });
                }
                let base = ObjectSecurity::defaults(object);
                self.settings
                    .create(origin, |id, ts| {
                        let mut s = base.apply(input.clone(), &known, ts)?;
                        (s.id, s.created_at) = (id, ts.to_string());
                        Ok(s)
                    })
                    .await
                    .map_err(|e| {
                        name_taken(e, "settings_changed", "the settings were created meanwhile; read them again")
                    })?
            }
            Some(current) => {
                self.settings
                    .update(&current.id, pre, origin, |s, ts| Ok((s.apply(input.clone(), &known, ts)?, None)))
                    .await?
            }
        };
        self.forget();
        Ok(saved)
    }

    async fn stored(&self, object: Object) -> AppResult<Option<ObjectSecurity>> {
        let mut res = self
            .settings
            .db()
            .query("SELECT * FROM object_security WHERE object = $object LIMIT 1")
            .bind(json!({"object": object.name()}))
            .await?
            .check()?;
        let rows: Vec<Value> = res.take(0)?;
        Ok(decode_rows::<ObjectSecurity>(rows.into_iter().map(strip_id).collect())?.into_iter().next())
    }

    /// What `caller` sees of `object`: its hidden fields, and for a private object its rows.
    pub async fn audience(&self, object: Object, caller: &Principal) -> AppResult<Audience> {
        if caller.role == Role::Admin {
            return Ok(Audience::default());
        }
        let settings = self.get(object).await?;
        let mask = settings.mask(caller.role);
        let rows = if settings.sharing == Sharing::Private {
            let me = user_of(caller);
            let shared = match &me {
                Some(me) => self.shared_with(object, me).await?,
                None => HashSet::new(),
            };
            Some((me, shared))
        } else {
            None
        };
        Ok(Audience { mask, rows })
    }

    /// The fields of `object` hidden from `caller`, without its rows: for a request about one
    /// record, whose row [`SecurityService::access`] checks (a private object's shares are not
    /// all read).
    pub async fn field_audience(&self, object: Object, caller: &Principal) -> AppResult<Audience> {
        if caller.role == Role::Admin {
            return Ok(Audience::default());
        }
        Ok(Audience { mask: self.get(object).await?.mask(caller.role), rows: None })
    }

    /// The ids of the records of `object` shared with `user`.
    async fn shared_with(&self, object: Object, user: &str) -> AppResult<HashSet<String>> {
        let mut res = self
            .shares
            .db()
            .query("SELECT record_id FROM record_share WHERE user_id = $user AND object = $object")
            .bind(json!({"user": user, "object": object.name()}))
            .await?
            .check()?;
        let rows: Vec<Value> = res.take(0)?;
        Ok(rows.iter().filter_map(|r| r["record_id"].as_str().map(str::to_string)).collect())
    }

    /// What `caller` may do with record `id` of `object` (which exists or existed).
    pub async fn access(&self, object: Object, id: &str, caller: &Principal) -> AppResult<RecordAccess> {
        if caller.role == Role::Admin {
            return Ok(RecordAccess::Write);
        }
        let sharing = self.get(object).await?.sharing;
        if sharing == Sharing::PublicReadWrite {
            return Ok(RecordAccess::Write);
        }
        let me = user_of(caller);
        let sql = "SELECT VALUE owner_id FROM type::record($table, $id); \
                   SELECT VALUE access FROM record_share WHERE object = $object AND record_id = $id AND user_id = $me";
        let vars = json!({"table": object.table(), "id": id, "object": object.name(), "me": me});
        let mut res = self.shares.db().query(sql).bind(vars).await?.check()?;
        let owner: Vec<Value> = res.take(0)?;
        let share: Vec<Value> = res.take(1)?;
        let owner = owner.first().and_then(Value::as_str).map(str::to_string);
        let share = share.first().and_then(Value::as_str).and_then(ShareAccess::parse);
        Ok(record_access(sharing, false, me.as_deref(), owner.as_deref(), share))
    }

    /// Totals over `objects` (analytics, the pipeline) for `caller`: 403 when the records of one
    /// are private to them, or (deals, whose totals sum amounts) a field of them is hidden.
    pub async fn check_totals(&self, objects: &[Object], caller: &Principal) -> AppResult<()> {
        for object in objects {
            let seen = self.audience(*object, caller).await?;
            if seen.rows.is_some() || (*object == Object::Deal && !seen.mask.hidden.is_empty()) {
                return Err(AppError::Forbidden);
            }
        }
        Ok(())
    }

    /// Which of records `ids` of `object` (a private one) the caller may see: their own and
    /// those shared with them (a deleted record: only when shared).
    pub async fn visible(&self, object: Object, ids: &[String], caller: &Principal) -> AppResult<HashSet<String>> {
        if caller.role == Role::Admin {
            return Ok(ids.iter().cloned().collect());
        }
        let me = user_of(caller);
        let mut visible = match &me {
            Some(me) => self.shared_with(object, me).await?,
            None => HashSet::new(),
        };
        visible.retain(|id| ids.contains(id));
        if me.is_some() {
            let sql =
                "SELECT VALUE meta::id(id) FROM array::map($ids, |$i| type::record($table, $i)) WHERE owner_id = $me";
            let vars = json!({"ids": ids, "table": object.table(), "me": me});
            let mut res = self.shares.db().query(sql).bind(vars).await?.check()?;
            let own: Vec<Value> = res.take(0)?;
            visible.extend(own.iter().filter_map(|v| v.as_str().map(str::to_string)));
        }
        Ok(visible)
    }

    /// The shares of record `id` of `object`, by user.
    pub async fn shares_of(&self, object: Object, id: &str) -> AppResult<Vec<Share>> {
        let mut res = self
            .shares
            .db()
            .query("SELECT * FROM record_share WHERE object = $object AND record_id = $id ORDER BY user_id LIMIT 1000")
            .bind(json!({"object": object.name(), "id": id}))
            .await?
            .check()?;
        let rows: Vec<Value> = res.take(0)?;
        Ok(decode_rows(rows.into_iter().map(strip_id).collect())?)
    }

    /// Shares record `id` of `object` with `user` (again: with the new access).
    pub async fn share(
        &self,
        object: Object,
        id: &str,
        user: String,
        access: ShareAccess,
        origin: &Origin,
    ) -> AppResult<(Share, bool)> {
        if let Some(current) = self.shares_of(object, id).await?.into_iter().find(|s| s.user_id == user) {
            let share = self
                .shares
                .update(&current.id, Precondition::None, origin, |s, ts| {
                    let mut next = s.clone();
                    (next.access, next.updated_at, next.version) = (access, ts.to_string(), s.version + 1);
                    Ok((next, None))
                })
                .await?;
            return Ok((share, false));
        }
        let record = id.to_string();
        let share = self
            .shares
            .create(origin, |sid, ts| {
                Ok(Share {
                    id: sid,
                    object,
                    record_id: record,
                    user_id: user,
                    access,
                    version: 1,
                    created_at: ts.to_string(),
                    updated_at: ts.to_string(),
                })
            })
            .await
            .map_err(|e| name_taken(e, "share_exists", "the record was shared with this user meanwhile; try again"))?;
        Ok((share, true))
    }

    /// Ends the share of record `id` with `user`; 404 when there is none.
    pub async fn unshare(&self, object: Object, id: &str, user: &str, origin: &Origin) -> AppResult<()> {
        let share = self
            .shares_of(object, id)
            .await?
            .into_iter()
            .find(|s| s.user_id == user)
            .ok_or_else(|| AppError::not_found("share", user))?;
        self.shares.delete(&share.id, Precondition::None, origin).await
    }
}

/// The signed-in user behind a request (an API key owns nothing).
pub fn user_of(caller: &Principal) -> Option<String> {
    (caller.kind == PrincipalKind::User).then(|| caller.id.clone())
}
