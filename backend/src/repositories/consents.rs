//! Consent ledger storage: entries per contact, newest first.

use serde_json::{json, Map, Value};

use super::records::{self, Guard, ListQuery, Stored};
use super::{encode_row, RepoResult};
use crate::db::Db;
use crate::domain::consents::Consent;

/// Table name.
pub const TABLE: &str = "consent";

/// Most entries of one contact read to work out its state.
pub const MAX_ENTRIES: usize = 10_000;

impl Stored for Consent {
    const TABLE: &'static str = TABLE;
    const NOUN: &'static str = "consent";

    records::identity_fields!();

    fn row(&self) -> Value {
        let mut row = encode_row(self);
        records::add_descending_keys(&mut row, &["key"]);
        row
    }

    fn title(&self) -> String {
        format!("{} {} for {}", self.channel, self.status.as_str(), self.purpose)
    }

    fn guards(&self) -> Vec<Guard> {
        vec![Guard::Exists { table: "contact", id: self.contact_id.clone(), field: "contact_id" }]
    }

    fn contacts(&self) -> Vec<String> {
        vec![self.contact_id.clone()]
    }
}

/// Consent persistence.
#[derive(Clone)]
pub struct ConsentRepository {
    db: Db,
}

impl ConsentRepository {
    /// A repository over `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    fn query(contact_id: &str, desc: bool, after: Option<String>, limit: usize) -> ListQuery {
        let mut vars = Map::new();
        vars.insert("contact_id".into(), json!(contact_id));
        ListQuery {
            compiled: None,
            table: TABLE,
            conditions: vec!["contact_id = $contact_id"],
            vars,
            sort_column: "key",
            desc,
            after,
            limit,
            filtered: true,
        }
    }

    /// A page of a contact's entries, newest recorded first.
    pub async fn page(
        &self,
        contact_id: &str,
        after: Option<String>,
        limit: usize,
    ) -> RepoResult<(Vec<Consent>, Option<String>)> {
        Self::query(contact_id, true, after, limit).page(&self.db).await
    }

    /// Every entry of a contact (at most [`MAX_ENTRIES`]), oldest recorded first.
    pub async fn all(&self, contact_id: &str) -> RepoResult<Vec<Consent>> {
        Ok(Self::query(contact_id, false, None, MAX_ENTRIES).page(&self.db).await?.0)
    }
}
