//! Deals: the pipeline's stages, their probabilities, closing, losing and reopening.

use serde::{Deserialize, Serialize};

use serde_json::{Map, Value};

use super::custom::CustomValues;
use super::fields::{DomainError, Issues};
use super::money::{parse_currency, Amount};

/// Where a deal stands. The first three are open (free to move between); `won` and `lost` close it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Is there a need and a budget?
    Qualification,
    /// An offer is out.
    Proposal,
    /// Terms are being agreed.
    Negotiation,
    /// Closed, signed.
    Won,
    /// Closed, not signed.
    Lost,
}

impl Stage {
    /// Every stage, in pipeline order.
    pub const ALL: [Stage; 5] = [Stage::Qualification, Stage::Proposal, Stage::Negotiation, Stage::Won, Stage::Lost];

    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Qualification => "qualification",
            Stage::Proposal => "proposal",
            Stage::Negotiation => "negotiation",
            Stage::Won => "won",
            Stage::Lost => "lost",
        }
    }

    /// Parses a wire name (case-insensitive).
    pub fn parse(raw: &str) -> Option<Stage> {
        let raw = raw.trim().to_ascii_lowercase();
        Stage::ALL.into_iter().find(|s| s.as_str() == raw)
    }

    /// Whether deals in this stage are still being worked.
    pub fn is_open(self) -> bool {
        !matches!(self, Stage::Won | Stage::Lost)
    }

    /// The probability (percent) a deal gets when it enters this stage without one given.
    pub fn default_probability(self) -> i64 {
        match self {
            Stage::Qualification => 10,
            Stage::Proposal => 40,
            Stage::Negotiation => 70,
            Stage::Won => 100,
            Stage::Lost => 0,
        }
    }
}

/// A possible sale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deal {
    /// Id (UUIDv7).
    pub id: String,
    /// Name.
    pub name: String,
    /// The customer company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_id: Option<String>,
    /// People involved on the customer's side.
    #[serde(default)]
    pub contact_ids: Vec<String>,
    /// Value, exact to the cent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Amount>,
    /// ISO 4217 code of `amount`.
    pub currency: String,
    /// Stage.
    pub stage: Stage,
    /// Chance of winning, percent.
    pub probability: i64,
    /// Expected close date (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_close: Option<String>,
    /// The user working it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<String>,
    /// Why it was lost (only on lost deals).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lost_reason: Option<String>,
    /// When it was won or lost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<String>,
    /// Values of the custom fields (domain/custom.rs).
    #[serde(default, skip_serializing_if = "CustomValues::is_empty")]
    pub custom: CustomValues,
    /// 1 on create, +1 per change.
    pub version: i64,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

/// Untrusted deal fields (`Some(None)` = explicit null in a patch).
#[derive(Debug, Clone, Default)]
pub struct DealInput {
    /// Name.
    pub name: Option<Option<String>>,
    /// Company id.
    pub company_id: Option<Option<String>>,
    /// Contact ids.
    pub contact_ids: Option<Option<Vec<String>>>,
    /// Amount as the client sent it (number or string).
    pub amount: Option<Option<serde_json::Value>>,
    /// Currency.
    pub currency: Option<Option<String>>,
    /// Stage.
    pub stage: Option<Option<String>>,
    /// Probability.
    pub probability: Option<Option<i64>>,
    /// Expected close date.
    pub expected_close: Option<Option<String>>,
    /// Owner.
    pub owner_id: Option<Option<String>>,
    /// Lost reason.
    pub lost_reason: Option<Option<String>>,
    /// Custom values to set (`null` removes one).
    pub custom: Option<Map<String, Value>>,
}

/// A validated change: `None` leaves a field, `Some(None)` clears it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DealPatch {
    /// Name.
    pub name: Option<String>,
    /// Company.
    pub company_id: Option<Option<String>>,
    /// Contacts.
    pub contact_ids: Option<Vec<String>>,
    /// Amount.
    pub amount: Option<Option<Amount>>,
    /// Currency.
    pub currency: Option<String>,
    /// Stage.
    pub stage: Option<Stage>,
    /// Probability.
    pub probability: Option<i64>,
    /// Expected close.
    pub expected_close: Option<Option<String>>,
    /// Owner.
    pub owner_id: Option<Option<String>>,
    /// Lost reason.
    pub lost_reason: Option<Option<String>>,
    /// Custom values to set (`null` removes one).
    pub custom: Option<Map<String, Value>>,
}

const NAME_MAX: usize = 200;
/// Most contacts one deal names.
pub const MAX_CONTACTS: usize = 50;

fn parse_ids(issues: &mut Issues, field: &str, raw: Vec<String>) -> Vec<String> {
    if raw.len() > MAX_CONTACTS {
        issues.add(field, format!("at most {MAX_CONTACTS} ids"));
    }
    let mut out: Vec<String> = Vec::with_capacity(raw.len());
    for id in raw {
        match super::ids::parse_id(&id) {
            Some(id) if !out.contains(&id) => out.push(id),
            Some(_) => {}
            None => issues.add(field, "every id must be a UUID of an existing record"),
        }
    }
    out
}

/// A UUID reference, or an issue.
pub fn parse_ref(issues: &mut Issues, field: &str, raw: Option<String>) -> Option<String> {
    let raw = raw.map(|r| r.trim().to_string()).filter(|r| !r.is_empty())?;
    let id = super::ids::parse_id(&raw);
    if id.is_none() {
        issues.add(field, "must be the id (a UUID) of an existing record");
    }
    id
}

/// A `YYYY-MM-DD` date, or an issue.
pub fn parse_date(issues: &mut Issues, field: &str, raw: Option<String>) -> Option<String> {
    let raw = raw.map(|r| r.trim().to_string()).filter(|r| !r.is_empty())?;
    match chrono::NaiveDate::parse_from_str(&raw, "%Y-%m-%d") {
        Ok(d) => Some(d.format("%Y-%m-%d").to_string()),
        Err(_) => {
            issues.add(field, "must be a date such as 2026-03-31");
            None
        }
    }
}

impl DealPatch {
    /// Validates an untrusted change (each field on its own; rules across fields apply later).
    pub fn parse(input: DealInput) -> Result<Self, DomainError> {
        let mut issues = Issues::default();
        let name = input.name.map(|n| issues.required_text("name", n, NAME_MAX));
        let company_id = input.company_id.map(|c| parse_ref(&mut issues, "company_id", c));
        let contact_ids = input.contact_ids.map(|ids| parse_ids(&mut issues, "contact_ids", ids.unwrap_or_default()));
        let amount = input.amount.map(|a| match a {
            None | Some(serde_json::Value::Null) => None,
            Some(v) => Amount::from_json(&v).map_err(|m| issues.add("amount", m)).ok(),
        });
        let currency = match input.currency {
            None | Some(None) => None,
            Some(Some(c)) => {
                let code = parse_currency(&c);
                if code.is_none() {
                    issues.add("currency", "must be an ISO 4217 currency code such as EUR or USD");
                }
                code
            }
        };
        let stage = match input.stage {
            None | Some(None) => None,
            Some(Some(s)) => {
                let stage = Stage::parse(&s);
                if stage.is_none() {
                    issues.add("stage", "must be one of qualification, proposal, negotiation, won, lost");
                }
                stage
            }
        };
        let probability = match input.probability {
            Some(Some(p)) if !(0..=100).contains(&p) => {
                issues.add("probability", "must be from 0 to 100");
                None
            }
            Some(p) => p,
            None => None,
        };
        let patch = DealPatch {
            name,
            company_id,
            contact_ids,
            amount,
            currency,
            stage,
            probability,
            expected_close: input.expected_close.map(|d| parse_date(&mut issues, "expected_close", d)),
            owner_id: input.owner_id.map(|o| parse_ref(&mut issues, "owner_id", o)),
            lost_reason: input.lost_reason.map(|r| issues.text("lost_reason", r, 2000)),
            custom: input.custom,
        };
        issues.finish(patch)
    }
}

impl Deal {
    /// A new deal at version 1 from a validated patch that carries every given field.
    pub fn create(id: String, patch: DealPatch, default_currency: &str, now: &str) -> Result<Deal, DomainError> {
        let mut issues = Issues::default();
        if patch.name.is_none() {
            issues.add("name", "is required");
        }
        let blank = Deal {
            id,
            name: patch.name.clone().unwrap_or_default(),
            company_id: None,
            contact_ids: Vec::new(),
            amount: None,
            currency: default_currency.to_string(),
            stage: Stage::Qualification,
            probability: Stage::Qualification.default_probability(),
            expected_close: None,
            owner_id: None,
            lost_reason: None,
            closed_at: None,
            custom: Default::default(),
            version: 0,
            created_at: now.to_string(),
            updated_at: now.to_string(),
        };
        // A deal created already won or lost is closed now, with its stage's probability.
        let deal = blank.apply_fields(patch, now, &mut issues);
        issues.finish(deal)
    }

    /// The deal after `patch`, one version later, or the rules it breaks.
    pub fn apply(&self, patch: DealPatch, now: &str) -> Result<Deal, DomainError> {
        let mut issues = Issues::default();
        let next = self.apply_fields(patch, now, &mut issues);
        issues.finish(next)
    }

    fn apply_fields(&self, patch: DealPatch, now: &str, issues: &mut Issues) -> Deal {
        let mut next = self.clone();
        if let Some(custom) = &patch.custom {
            next.custom = super::custom::merge(&self.custom, custom);
        }
        if let Some(v) = patch.name {
            next.name = v;
        }
        if let Some(v) = patch.company_id {
            next.company_id = v;
        }
        if let Some(v) = patch.contact_ids {
            next.contact_ids = v;
        }
        if let Some(v) = patch.amount {
            next.amount = v;
        }
        if let Some(v) = patch.currency {
            next.currency = v;
        }
        if let Some(v) = patch.expected_close {
            next.expected_close = v;
        }
        if let Some(v) = patch.owner_id {
            next.owner_id = v;
        }
        let stage = patch.stage.unwrap_or(self.stage);
        let moved = stage != self.stage || self.version == 0;
        next.stage = stage;
        // Probability: as given, else the stage's default when the stage changes; a closed
        // deal's is fixed (100 won, 0 lost).
        match (stage.is_open(), patch.probability) {
            (true, Some(p)) => next.probability = p,
            (true, None) if moved => next.probability = stage.default_probability(),
            (true, None) => {}
            (false, Some(p)) if p != stage.default_probability() => issues.add(
                "probability",
                format!("a {} deal has probability {}", stage.as_str(), stage.default_probability()),
            ),
            (false, _) => next.probability = stage.default_probability(),
        }
        // Lost reason: required to lose, kept only while lost.
        if let Some(reason) = patch.lost_reason {
            if reason.is_some() && stage != Stage::Lost {
                issues.add("lost_reason", "only a lost deal has a lost reason");
            }
            next.lost_reason = reason;
        }
        if stage == Stage::Lost && next.lost_reason.is_none() {
            issues.add("lost_reason", "is required to move a deal to lost");
        }
        if stage != Stage::Lost {
            next.lost_reason = None;
        }
        // Closing sets closed_at; reopening clears it.
        if stage.is_open() {
            next.closed_at = None;
        } else if moved {
            next.closed_at = Some(now.to_string());
        }
        next.version = self.version + 1;
        next.updated_at = now.to_string();
        next
    }

    /// The event kind of the change from `self` to `next`: `won`, `lost`, `reopened` or `updated`.
    pub fn change_kind(&self, next: &Deal) -> &'static str {
        match (self.stage, next.stage) {
            (a, b) if a == b => "updated",
            (a, b) if !a.is_open() && b.is_open() => "reopened",
            (_, Stage::Won) => "won",
            (_, Stage::Lost) => "lost",
            _ => "updated",
        }
    }

    /// `amount` in cents (0 when none).
    pub fn amount_minor(&self) -> i64 {
        self.amount.map_or(0, |a| a.0)
    }

    /// Seconds from creation to close, for closed deals.
    pub fn seconds_to_close(&self) -> Option<i64> {
        let closed = super::ids::parse_ts(self.closed_at.as_deref()?)?;
        let created = super::ids::parse_ts(&self.created_at)?;
        Some((closed - created).num_seconds().max(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn patch(value: serde_json::Value) -> Result<DealPatch, DomainError> {
        let get = |k: &str| value.get(k).cloned();
        let text = |k: &str| get(k).map(|v| v.as_str().map(String::from));
        DealPatch::parse(DealInput {
            name: text("name"),
            amount: get("amount").map(|v| (!v.is_null()).then_some(v)),
            currency: text("currency"),
            stage: text("stage"),
            probability: get("probability").map(|v| v.as_i64()),
            lost_reason: text("lost_reason"),
            expected_close: text("expected_close"),
            ..Default::default()
        })
    }

    fn deal(value: serde_json::Value) -> Result<Deal, DomainError> {
        Deal::create("d1".into(), patch(value)?, "EUR", "2026-01-01T00:00:00.000000Z")
    }

    fn fields(err: DomainError) -> Vec<String> {
        let DomainError::Invalid(issues) = err else { panic!("expected invalid") };
        issues.into_iter().map(|i| i.field).collect()
    }

    #[test]
    fn a_new_deal_gets_the_defaults_of_its_stage_and_currency() {
        let d = deal(json!({"name": "Audit"})).unwrap();
        assert_eq!((d.stage, d.probability, d.currency.as_str(), d.version), (Stage::Qualification, 10, "EUR", 1));
        let d = deal(json!({"name": "Audit", "stage": "negotiation", "currency": "usd"})).unwrap();
        assert_eq!((d.probability, d.currency.as_str()), (70, "USD"));
        let d = deal(json!({"name": "Audit", "stage": "proposal", "probability": 55})).unwrap();
        assert_eq!(d.probability, 55);
        let won = deal(json!({"name": "Audit", "stage": "won"})).unwrap();
        assert_eq!((won.probability, won.closed_at.is_some()), (100, true));
    }

    #[test]
    fn moving_an_open_deal_resets_its_probability_unless_one_is_given() {
        let d = deal(json!({"name": "A", "probability": 25})).unwrap();
        let moved = d.apply(patch(json!({"stage": "proposal"})).unwrap(), "t1").unwrap();
        assert_eq!(moved.probability, 40);
        let kept = moved.apply(patch(json!({"name": "B"})).unwrap(), "t2").unwrap();
        assert_eq!(kept.probability, 40);
        let given = kept.apply(patch(json!({"stage": "negotiation", "probability": 90})).unwrap(), "t3").unwrap();
        assert_eq!((given.probability, given.version), (90, 4));
        assert_eq!(d.change_kind(&moved), "updated");
    }

    #[test]
    fn losing_needs_a_reason_and_closing_sets_closed_at() {
        let d = deal(json!({"name": "A"})).unwrap();
        assert_eq!(fields(d.apply(patch(json!({"stage": "lost"})).unwrap(), "t1").unwrap_err()), ["lost_reason"]);
        assert_eq!(fields(deal(json!({"name": "A", "stage": "lost"})).unwrap_err()), ["lost_reason"]);
        let lost = d.apply(patch(json!({"stage": "lost", "lost_reason": "Budget cut"})).unwrap(), "t1").unwrap();
        assert_eq!((lost.probability, lost.closed_at.as_deref()), (0, Some("t1")));
        assert_eq!(d.change_kind(&lost), "lost");
        let won = d.apply(patch(json!({"stage": "won"})).unwrap(), "t2").unwrap();
        assert_eq!((won.probability, d.change_kind(&won)), (100, "won"));
        assert_eq!(fields(d.apply(patch(json!({"lost_reason": "x"})).unwrap(), "t1").unwrap_err()), ["lost_reason"]);
        assert_eq!(
            fields(d.apply(patch(json!({"stage": "won", "probability": 50})).unwrap(), "t1").unwrap_err()),
            ["probability"]
        );
    }

    #[test]
    fn reopening_clears_the_close_and_is_its_own_kind() {
        let d = deal(json!({"name": "A", "stage": "lost", "lost_reason": "Price"})).unwrap();
        let open = d.apply(patch(json!({"stage": "proposal"})).unwrap(), "t1").unwrap();
        assert_eq!((&open.closed_at, &open.lost_reason, open.probability), (&None, &None, 40));
        assert_eq!(d.change_kind(&open), "reopened");
        let note = d.apply(patch(json!({"lost_reason": "Price, and timing"})).unwrap(), "t2").unwrap();
        assert_eq!((note.closed_at.as_deref(), d.change_kind(&note)), (d.closed_at.as_deref(), "updated"));
    }

    #[test]
    fn bad_fields_are_all_reported() {
        let err = patch(json!({"name": " ", "amount": "1.005", "currency": "ABC", "stage": "done", "probability": 101,
            "expected_close": "31/03/2026"}))
        .unwrap_err();
        assert_eq!(fields(err), ["name", "amount", "currency", "stage", "probability", "expected_close"]);
        assert_eq!(fields(patch(json!({"amount": -5})).unwrap_err()), ["amount"]);
    }
}
