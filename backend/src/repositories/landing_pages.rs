//! Landing page storage: pages newest first (by status too), one per slug; submissions by page;
//! the page views counted per page, day and UTM source, and the day's distinct visitors.

use serde_json::{json, Value};

use super::records::{self, Guard, ListQuery, Stored};
use super::{decode_rows, encode_row, RepoResult};
use crate::db::Db;
use crate::domain::landing_pages::{Page, PageStatus, Submission};

/// Table of pages.
pub const TABLE: &str = "landing_page";
/// Table of submissions.
pub const SUBMISSION_TABLE: &str = "lp_submission";

impl Stored for Page {
    const TABLE: &'static str = TABLE;
    const NOUN: &'static str = "landing page";

    records::identity_fields!();

    fn row(&self) -> Value {
        let mut row = encode_row(self);
        if let Value::Object(map) = &mut row {
            map.insert("part".into(), json!(records::LIST_PART));
            map.insert("facets".into(), json!([format!("st={}", self.status.as_str())]));
        }
        records::add_descending_keys(&mut row, &["key"]);
        row
    }

    fn title(&self) -> String {
        self.title.clone()
    }

    fn guards(&self) -> Vec<Guard> {
        let refs = [(&self.campaign_id, "campaign", "campaign_id"), (&self.event_id, "event", "event_id")];
        refs.into_iter()
            .filter_map(|(id, table, field)| id.as_ref().map(|id| Guard::Exists { table, id: id.clone(), field }))
            .collect()
    }
}

impl Stored for Submission {
    const TABLE: &'static str = SUBMISSION_TABLE;
    const NOUN: &'static str = "form";

    records::identity_fields!();

    fn row(&self) -> Value {
        let mut row = encode_row(self);
        if let Value::Object(map) = &mut row {
            map.insert("day".into(), json!(self.created_at.get(..10).unwrap_or_default()));
        }
        row
    }

    fn title(&self) -> String {
        self.page_title.clone()
    }

    fn guards(&self) -> Vec<Guard> {
        vec![
            Guard::Exists { table: TABLE, id: self.page_id.clone(), field: "page_id" },
            Guard::Exists { table: "contact", id: self.contact_id.clone(), field: "contact_id" },
        ]
    }

    fn contacts(&self) -> Vec<String> {
        vec![self.contact_id.clone()]
    }

    fn timeline_entry(
        &self,
        event: &crate::domain::history::ChangeEvent,
        contact_id: &str,
        id: String,
    ) -> crate::domain::timeline::TimelineEntry {
        let mut entry = crate::domain::timeline::entry_for_record(event, contact_id, "form", &self.page_title, id);
        if event.kind == "consent_confirmed" {
            // Not a second submission: no engagement points, not counted again.
            entry.kind = "consent_confirmed".into();
            entry.body = format!("Confirmed by email the consent given on {}", self.page_title);
        } else {
            entry.kind = "form_submission".into();
            entry.body = format!("Form submitted: {}", self.page_title);
        }
        entry
    }
}

/// Landing page persistence.
#[derive(Clone)]
pub struct LandingPageRepository {
    db: Db,
}

impl LandingPageRepository {
    /// A repository over `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    fn list_query(&self, status: Option<PageStatus>, after: Option<String>, limit: usize) -> ListQuery {
        ListQuery::newest_first(TABLE, after, limit).with_facet(status.map(|s| format!("st={}", s.as_str())))
    }

    /// Pages, newest first, with one status or all.
    pub async fn list(
        &self,
        status: Option<PageStatus>,
        after: Option<String>,
        limit: usize,
    ) -> RepoResult<(Vec<Page>, Option<String>)> {
        self.list_query(status, after, limit).page(&self.db).await
    }

    /// The plan of a page of pages.
    pub async fn explain_list(&self, status: Option<PageStatus>) -> RepoResult<Value> {
        self.list_query(status, None, 50).explain(&self.db).await
    }

    /// The page with this slug.
    pub async fn by_slug(&self, slug: &str) -> RepoResult<Option<Page>> {
        let sql = format!("SELECT {} FROM landing_page WHERE slug = $slug LIMIT 1", records::projection(TABLE, None));
        let mut res = self.db.query(sql).bind(json!({"slug": slug})).await?.check()?;
        let rows: Vec<Value> = res.take(0)?;
        Ok(decode_rows(rows)?.pop())
    }

    /// Counts a view of the page on `day` from `source` (UTM), and its visitor (a hash) once a day.
    pub async fn record_view(&self, page_id: &str, day: &str, source: &str, visitor: &str) -> RepoResult<()> {
        let sql = "BEGIN;
            LET $new = array::len(INSERT IGNORE INTO lp_visitor { id: [$page, $day, $visitor], page_id: $page, day: $day } RETURN id);
            INSERT INTO lp_stat { id: [$page, $day, $source], page_id: $page, day: $day, source: $source, views: 1, visitors: $new }
                ON DUPLICATE KEY UPDATE views += 1, visitors += $new;
            COMMIT;";
        let vars = json!({"page": page_id, "day": day, "source": source, "visitor": visitor});
        records::run_retried(&self.db, sql, vars).await
    }

    /// Views and visitors of the page per day and source, in `[from, to]` (days, inclusive).
    pub async fn views(&self, page_id: &str, from: &str, to: &str) -> RepoResult<Vec<Value>> {
        let mut res = self
            .db
            .query(
                "SELECT day, source, views, visitors FROM lp_stat \
                 WHERE page_id = $page AND day >= $from AND day <= $to ORDER BY day, source",
            )
            .bind(json!({"page": page_id, "from": from, "to": to}))
            .await?
            .check()?;
        Ok(res.take(0)?)
    }

    /// Forms submitted on the campaign's pages (counted from the campaign index's entries).
    pub async fn campaign_submissions(&self, campaign_id: &str) -> RepoResult<u64> {
        let mut res = self
            .db
            .query("SELECT count() AS n FROM lp_submission WHERE campaign_id = $c GROUP ALL")
            .bind(json!({"c": campaign_id}))
            .await?
            .check()?;
        let rows: Vec<Value> = res.take(0)?;
        Ok(rows.first().and_then(|r| r.get("n")).and_then(Value::as_u64).unwrap_or(0))
    }

    /// Submissions of the page per day and UTM source, in `[from, to]`.
    pub async fn submissions(&self, page_id: &str, from: &str, to: &str) -> RepoResult<Vec<Value>> {
        let mut res = self
            .db
            .query(
                "SELECT day, (utm.source ?? '') AS source, count() AS n FROM lp_submission \
                 WHERE page_id = $page AND day >= $from AND day <= $to GROUP BY day, source",
            )
            .bind(json!({"page": page_id, "from": from, "to": to}))
            .await?
            .check()?;
        Ok(res.take(0)?)
    }
}
