//! Saved views: each user's (and the shared) ways of looking at an object's records. A view's
//! columns, filter and order are checked the way `POST /api/query` checks them, against the
//! object's fields as they are when it is saved.

use serde_json::json;

use super::records::Store;
use super::Precondition;
use crate::db::Db;
use crate::domain::custom::Object;
use crate::domain::history::Origin;
use crate::domain::query::QueryInput;
use crate::domain::views::{View, ViewInput};
use crate::error::{AppError, AppResult, FieldError};
use crate::repositories::records::Stored;
use crate::repositories::{encode_row, strip_id, RepoResult};

impl Stored for View {
    const TABLE: &'static str = "saved_view";
    const NOUN: &'static str = "view";

    crate::repositories::records::identity_fields!();

    fn row(&self) -> serde_json::Value {
        encode_row(self)
    }

    fn title(&self) -> String {
        self.name.clone()
    }
}

/// Saved views.
#[derive(Clone)]
pub struct ViewService {
    store: Store<View>,
    query: super::query::QueryService,
}

impl ViewService {
    /// A service over its store, checking views with `query`.
    pub fn new(store: Store<View>, query: super::query::QueryService) -> Self {
        Self { store, query }
    }

    fn db(&self) -> &Db {
        self.store.db()
    }

    /// The views `actor` sees (their own and the shared ones), of `object` or of every object,
    /// by name.
    pub async fn list(&self, actor: &str, object: Option<Object>) -> AppResult<Vec<View>> {
        Ok(self.visible(actor, object).await?)
    }

    async fn visible(&self, actor: &str, object: Option<Object>) -> RepoResult<Vec<View>> {
        let sql = if object.is_some() {
            "SELECT * FROM saved_view WHERE (owner = $me OR shared = true) AND object = $object ORDER BY name ASC LIMIT 1000"
        } else {
            "SELECT * FROM saved_view WHERE owner = $me OR shared = true ORDER BY name ASC LIMIT 1000"
        };
        let vars = json!({"me": actor, "object": object.map(Object::name)});
        let mut res = self.db().query(sql).bind(vars).await?.check()?;
        let rows: Vec<serde_json::Value> = res.take(0)?;
        crate::repositories::decode_rows(rows.into_iter().map(strip_id).collect())
    }

    /// One view `actor` may see; 404 for another user's unshared view.
    pub async fn get(&self, actor: &str, admin: bool, id: &str) -> AppResult<View> {
        let view = self.store.get(id).await?;
        if view.owner != actor && !view.shared && !admin {
            return Err(AppError::not_found("view", id));
        }
        Ok(view)
    }

    /// Checks the columns, filter and order of `view` against its object's fields.
    async fn check(&self, view: &View) -> AppResult<()> {
        let input = QueryInput {
            filter: view.filter.clone(),
            fields: Some(view.columns.clone()),
            sort: Some(view.sort.clone()),
            limit: None,
        };
        match self.query.parse(view.object, input).await {
            Ok(_) => Ok(()),
            Err(AppError::Validation { errors, .. }) => Err(AppError::validation(
                errors
                    .into_iter()
                    .map(|e| match e.field.strip_prefix("fields") {
                        Some(rest) => FieldError::new(format!("columns{rest}"), e.message),
                        None => e,
                    })
                    .collect(),
            )),
            Err(other) => Err(other),
        }
    }

    /// Saves a view of `object` for the caller.
    pub async fn create(&self, object: Object, input: ViewInput, origin: &Origin) -> AppResult<View> {
        let at = crate::domain::ids::format_ts(crate::domain::ids::now());
        let draft = View::create(String::new(), object, &origin.actor, input.clone(), &at)?;
        self.check(&draft).await?;
        self.store.create(origin, |id, ts| Ok(View::create(id, object, &origin.actor, input, ts)?)).await
    }

    /// Changes a view: only its owner, or an admin.
    pub async fn update(
        &self,
        id: &str,
        input: ViewInput,
        pre: Precondition,
        origin: &Origin,
        admin: bool,
    ) -> AppResult<View> {
        let current = self.owned(id, origin, admin).await?;
        let at = crate::domain::ids::format_ts(crate::domain::ids::now());
        self.check(&current.apply(input.clone(), &at)?).await?;
        self.store.update(id, pre, origin, |v, ts| Ok((v.apply(input.clone(), ts)?, None))).await
    }

    /// Removes a view: only its owner, or an admin.
    pub async fn delete(&self, id: &str, pre: Precondition, origin: &Origin, admin: bool) -> AppResult<()> {
        self.owned(id, origin, admin).await?;
        self.store.delete(id, pre, origin).await
    }

    async fn owned(&self, id: &str, origin: &Origin, admin: bool) -> AppResult<View> {
        let view = self.get(&origin.actor, admin, id).await?;
        if view.owner != origin.actor && !admin {
            return Err(AppError::Forbidden);
        }
        Ok(view)
    }
}
