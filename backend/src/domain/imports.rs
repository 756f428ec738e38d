//! Imports: how the columns of a file map to contact fields, and how one row becomes a new
//! contact or a change to an existing one (pure: no I/O, no SurrealQL).

use std::collections::BTreeMap;

use super::contacts::{Contact, ContactInput, ContactPatch, NewContact};
use super::fields::{parse_email, DomainError, FieldIssue};

/// At most this many columns in a file.
pub const MAX_COLUMNS: usize = 500;
/// At most this many row errors are kept on a job (`error_count` counts them all).
pub const MAX_ERRORS: usize = 1000;

/// What to do with a row whose email a contact already has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Change that contact with the row's non-empty cells (tags are added).
    Upsert,
    /// Leave it alone (the row counts as unchanged).
    CreateOnly,
}

impl Mode {
    /// Parses `upsert` or `create_only`.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim() {
            "upsert" => Some(Mode::Upsert),
            "create_only" => Some(Mode::CreateOnly),
            _ => None,
        }
    }

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Upsert => "upsert",
            Mode::CreateOnly => "create_only",
        }
    }
}

/// The contact field a column fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Target {
    /// `email`.
    Email,
    /// `first_name`.
    FirstName,
    /// `last_name`.
    LastName,
    /// `phone`.
    Phone,
    /// `title`.
    Title,
    /// `status`.
    Status,
    /// `source`.
    Source,
    /// `tags`, split on `;`.
    Tags,
    /// `company_id`.
    CompanyId,
    /// `company`: an existing company's domain or name.
    Company,
    /// `owner_id`: a user's id.
    OwnerId,
}

impl Target {
    const ALL: [Target; 11] = [
        Target::Email,
        Target::FirstName,
        Target::LastName,
        Target::Phone,
        Target::Title,
        Target::Status,
        Target::Source,
        Target::Tags,
        Target::CompanyId,
        Target::Company,
        Target::OwnerId,
    ];

    /// The field's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Email => "email",
            Target::FirstName => "first_name",
            Target::LastName => "last_name",
            Target::Phone => "phone",
            Target::Title => "title",
            Target::Status => "status",
            Target::Source => "source",
            Target::Tags => "tags",
            Target::CompanyId => "company_id",
            Target::Company => "company",
            Target::OwnerId => "owner_id",
        }
    }

    /// A field by its name.
    pub fn parse(raw: &str) -> Option<Self> {
        Target::ALL.into_iter().find(|t| t.as_str() == raw.trim())
    }

    /// The field a column header names, by its usual spellings (case, spaces and punctuation
    /// ignored): `Email Address`, `E-mail`, `First name`, `Given name`, `Surname`, `Job title`...
    pub fn guess(header: &str) -> Option<Self> {
        let key: String = header.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase();
        Some(match key.as_str() {
            "email" | "emailaddress" | "mail" | "workemail" => Target::Email,
            "firstname" | "givenname" | "first" | "forename" => Target::FirstName,
            "lastname" | "familyname" | "surname" | "last" => Target::LastName,
            "phone" | "phonenumber" | "mobile" | "telephone" | "tel" => Target::Phone,
            "title" | "jobtitle" | "position" | "role" => Target::Title,
            "status" | "lifecyclestage" | "stage" => Target::Status,
            "source" | "leadsource" | "origin" => Target::Source,
            "tags" | "tag" | "labels" => Target::Tags,
            "companyid" => Target::CompanyId,
            "ownerid" => Target::OwnerId,
            "company" | "companyname" | "organization" | "organisation" | "account" | "accountname" | "employer" => {
                Target::Company
            }
            _ => return None,
        })
    }
}

/// How the columns of a file map to fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Columns {
    /// Per column, the field it fills (`None`: ignored, or a custom field).
    pub targets: Vec<Option<Target>>,
    /// Per column, the custom field it fills (`custom.<name>`), if any.
    pub custom: Vec<Option<String>>,
    /// Headers of the columns that match no field and were not mapped (reported once).
    pub unmapped: Vec<String>,
}

/// Maps `headers` to fields: `mapping` (header -> field name, or `ignore`) first, then the
/// usual spellings. Errors name `mapping.<header>` or `columns`; a file needs an email column.
pub fn columns(
    headers: &[String],
    mapping: &BTreeMap<String, String>,
    custom: &[String],
) -> Result<Columns, DomainError> {
    let mut issues = Vec::new();
    let mut issue = |field: String, message: String| issues.push(FieldIssue { field, message });
    if headers.len() > MAX_COLUMNS {
        issue("columns".into(), format!("at most {MAX_COLUMNS} columns, the file has {}", headers.len()));
        return Err(DomainError::Invalid(issues));
    }
    for (header, field) in mapping {
        if !headers.iter().any(|h| h.trim() == header.trim()) {
            issue(format!("mapping.{header}"), "no column has this header".into());
        } else if field != "ignore" && Target::parse(field).is_none() && custom_of(field, custom).is_none() {
            let names: Vec<&str> = Target::ALL.iter().map(|t| t.as_str()).collect();
            issue(
                format!("mapping.{header}"),
                format!("must be one of {}, custom.<name> of a custom field, or ignore", names.join(", ")),
            );
        }
    }
    let mut targets = Vec::with_capacity(headers.len());
    let mut customs: Vec<Option<String>> = Vec::with_capacity(headers.len());
    let mut unmapped = Vec::new();
    for header in headers {
        let mapped = mapping.iter().find(|(h, _)| h.trim() == header.trim());
        // A custom field: mapped to `custom.<name>`, or a header `custom.<name>` (as exports write it).
        let field_custom = match mapped {
            Some((_, field)) => custom_of(field, custom),
            None => custom_of(header.trim(), custom),
        };
        if let Some(name) = field_custom {
            if customs.contains(&Some(name.clone())) {
                unmapped.push(header.trim().to_string());
                customs.push(None);
            } else {
                customs.push(Some(name));
            }
            targets.push(None);
            continue;
        }
        customs.push(None);
        let target = match mapped {
            Some((_, field)) => Target::parse(field),
            None => {
                let guessed = Target::guess(header);
                if guessed.is_none() && !header.trim().is_empty() {
                    unmapped.push(header.trim().to_string());
                }
                guessed
            }
        };
        // A field filled by two columns: the first one wins, the other is reported.
        if target.is_some_and(|t| targets.contains(&Some(t))) {
            unmapped.push(header.trim().to_string());
            targets.push(None);
        } else {
            targets.push(target);
        }
    }
    if !targets.contains(&Some(Target::Email)) {
        issue("columns".into(), "no column holds the email (name one `email`, or map one with mapping)".into());
    }
    if issues.is_empty() {
        Ok(Columns { targets, custom: customs, unmapped })
    } else {
        Err(DomainError::Invalid(issues))
    }
}

/// The custom field `field` names (`custom.<name>`), when it is one of `custom`.
fn custom_of(field: &str, custom: &[String]) -> Option<String> {
    field.trim().strip_prefix("custom.").filter(|n| custom.iter().any(|c| c == n)).map(str::to_string)
}

/// The lane (of `lanes`) whose writes a row joins: every row of one normalised email goes to
/// the same lane, so the rows of one contact are written in the file's order while the lanes
/// write side by side; a row without a valid email (an error only) goes to lane 0. The same
/// row always lands on the same lane, in every process and release (FNV-1a, not the standard
/// library's hasher), so a job resumed after a crash splits its batch as before.
pub fn lane_of(columns: &Columns, cells: &[String], lanes: usize) -> usize {
    let email = columns
        .targets
        .iter()
        .zip(cells)
        .rev()
        .find(|(target, cell)| **target == Some(Target::Email) && !cell.trim().is_empty())
        .and_then(|(_, cell)| parse_email(cell).ok());
    match email {
        Some(email) if lanes > 1 => {
            let hash =
                email.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
            (hash % lanes as u64) as usize
        }
        _ => 0,
    }
}

/// The raw fields of one row: its non-empty cells by field (tags split on `;`); custom fields'
/// cells as text (typed by the service, which knows their definitions).
pub fn row_input(columns: &Columns, cells: &[String]) -> ContactInput {
    let mut input = ContactInput::default();
    let custom: serde_json::Map<String, serde_json::Value> = columns
        .custom
        .iter()
        .zip(cells)
        .filter_map(|(name, cell)| {
            let value = cell.trim();
            name.as_ref().filter(|_| !value.is_empty()).map(|n| (n.clone(), serde_json::Value::String(value.into())))
        })
        .collect();
    if !custom.is_empty() {
        input.custom = Some(custom);
    }
    for (target, cell) in columns.targets.iter().zip(cells) {
        let Some(target) = target else { continue };
        let value = cell.trim();
        if value.is_empty() {
            continue;
        }
        let text = Some(value.to_string());
        match target {
            Target::Email => input.email = text,
            Target::FirstName => input.first_name = text,
            Target::LastName => input.last_name = text,
            Target::Phone => input.phone = text,
            Target::Title => input.title = text,
            Target::Status => input.status = text.map(|s| s.to_lowercase()),
            Target::Source => input.source = text,
            Target::CompanyId => input.company_id = text,
            Target::OwnerId => input.owner_id = text,
            Target::Company => {}
            Target::Tags => {
                let tags = value.split(';').map(str::trim).filter(|t| !t.is_empty()).map(str::to_string);
                input.tags = Some(tags.collect());
            }
        }
    }
    input
}

/// A company named by a row: by its domain (`acme.com`) or its name (`Acme GmbH`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CompanyRef {
    /// A domain, lower-cased.
    Domain(String),
    /// A name, lower-cased.
    Name(String),
}

/// The company a row's `company` cell names, when it has one (a `company_id` cell wins).
pub fn company_ref(columns: &Columns, cells: &[String]) -> Option<CompanyRef> {
    let at = columns.targets.iter().position(|t| *t == Some(Target::Company))?;
    let text = cells.get(at)?.trim().to_lowercase();
    if text.is_empty() {
        return None;
    }
    let domain_like = !text.contains(char::is_whitespace)
        && text.contains('.')
        && text.split('.').all(|label| !label.is_empty() && label.chars().all(|c| c.is_alphanumeric() || c == '-'));
    Some(if domain_like { CompanyRef::Domain(text) } else { CompanyRef::Name(text) })
}

/// What a row does to the contact that has its email: the fields it holds, the tags it adds;
/// `None` when the result is the same contact (the row is unchanged). A status move the funnel
/// does not allow is an error, as it is through the API.
pub fn upsert(
    current: &Contact,
    row: &NewContact,
    has_status: bool,
    now: &str,
) -> Result<Option<Contact>, DomainError> {
    let mut tags = current.tags.clone();
    for tag in &row.tags {
        if !tags.contains(tag) {
            tags.push(tag.clone());
        }
    }
    let patch = ContactPatch {
        first_name: row.first_name.clone().map(Some),
        last_name: row.last_name.clone().map(Some),
        email: None,
        phone: row.phone.clone().map(Some),
        title: row.title.clone().map(Some),
        company_id: row.company_id.clone().map(Some),
        status: (has_status && row.status != current.status).then_some(row.status),
        source: row.source.clone().map(Some),
        tags: (tags != current.tags).then_some(tags),
        do_not_contact: None,
        custom: (!row.custom.is_empty()).then(|| row.custom.clone().into_iter().collect()),
        owner_id: row.owner_id.clone().map(Some),
    };
    let next = current.apply(patch, now)?;
    let same = super::history::data_fields(&next) == super::history::data_fields(current);
    Ok((!same).then_some(next))
}

/// A row's errors as `(field, message)`; `row` when the whole row is at fault.
pub fn row_errors(error: &DomainError) -> Vec<(String, String)> {
    match error {
        DomainError::Invalid(issues) => issues.iter().map(|i| (i.field.clone(), i.message.clone())).collect(),
        DomainError::InvalidTransition { from, to } => {
            vec![("status".into(), format!("cannot move from {from} to {to}"))]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(h: &[&str]) -> Vec<String> {
        h.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn columns_are_guessed_mapped_and_reported() {
        let h = headers(&["E-mail Address", "Given name", "Surname", "Shoe size", "Labels", "Email"]);
        let c = columns(&h, &BTreeMap::new(), &[]).unwrap();
        use Target::*;
        assert_eq!(c.targets, [Some(Email), Some(FirstName), Some(LastName), None, Some(Tags), None]);
        assert_eq!(c.unmapped, ["Shoe size", "Email"]);
        let mapping =
            BTreeMap::from([("Shoe size".to_string(), "title".to_string()), ("Labels".into(), "ignore".into())]);
        let c = columns(&h, &mapping, &[]).unwrap();
        assert_eq!(c.targets[3..5], [Some(Title), None]);
        assert_eq!(c.unmapped, ["Email"]);
    }

    #[test]
    fn rows_of_one_email_share_a_lane_and_lanes_are_all_used() {
        let c = columns(&headers(&["email", "first_name"]), &BTreeMap::new(), &[]).unwrap();
        let row = |email: &str| vec![email.to_string(), "Ann".to_string()];
        for i in 0..50 {
            let lane = lane_of(&c, &row(&format!("p{i}@example.com")), 4);
            assert_eq!(lane_of(&c, &row(&format!("  P{i}@Example.COM ")), 4), lane, "p{i}");
        }
        let used: std::collections::HashSet<usize> =
            (0..200).map(|i| lane_of(&c, &row(&format!("p{i}@example.com")), 4)).collect();
        assert_eq!(used.len(), 4, "{used:?}");
        assert!(used.iter().all(|l| *l < 4));
        assert_eq!(lane_of(&c, &row("not an email"), 4), 0);
        assert_eq!(lane_of(&c, &row(""), 4), 0);
        assert_eq!(lane_of(&c, &row("p1@example.com"), 1), 0);
        // Fixed for good (FNV-1a of "ann@example.com" is 0x1403_6909_6a6c_aa05): a job resumed
        // by another release splits its batch the same way.
        assert_eq!(lane_of(&c, &row("ann@example.com"), 7), 6);
    }

    #[test]
    fn bad_mappings_and_files_without_email_are_refused() {
        let h = headers(&["name", "phone"]);
        let mapping = BTreeMap::from([("nope".to_string(), "email".to_string()), ("phone".into(), "fax".into())]);
        let Err(DomainError::Invalid(issues)) = columns(&h, &mapping, &[]) else { panic!("accepted") };
        let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, ["mapping.nope", "mapping.phone", "columns"]);
        let wide: Vec<String> = (0..=MAX_COLUMNS).map(|i| format!("c{i}")).collect();
        assert!(columns(&wide, &BTreeMap::new(), &[]).is_err());
    }

    #[test]
    fn company_cells_name_a_domain_or_a_name() {
        let c = columns(&headers(&["email", "Organisation"]), &BTreeMap::new(), &[]).unwrap();
        let of = |cell: &str| company_ref(&c, &[String::new(), cell.to_string()]);
        assert_eq!(of(" Acme.COM "), Some(CompanyRef::Domain("acme.com".into())));
        assert_eq!(of("Acme GmbH"), Some(CompanyRef::Name("acme gmbh".into())));
        assert_eq!(of("Acme Inc."), Some(CompanyRef::Name("acme inc.".into())));
        assert_eq!(of(""), None);
    }

    #[test]
    fn rows_become_inputs_and_upserts_add_what_they_hold() {
        let c = columns(&headers(&["email", "first name", "tags", "status"]), &BTreeMap::new(), &[]).unwrap();
        let cells = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let input = row_input(&c, &cells(&[" Ada@Example.com ", "Ada", "vip; eu ;", ""]));
        assert_eq!(input.email.as_deref(), Some("Ada@Example.com"));
        assert_eq!(input.tags, Some(vec!["vip".to_string(), "eu".to_string()]));
        assert_eq!(input.status, None);
        let new = NewContact::parse(input).unwrap();
        let current = Contact::create(
            "id".into(),
            NewContact::parse(row_input(&c, &cells(&["ada@example.com", "", "x", ""]))).unwrap(),
            "t0",
        );
        let next = upsert(&current, &new, false, "t1").unwrap().unwrap();
        assert_eq!(
            (next.first_name.as_deref(), next.tags.clone(), next.version),
            (Some("Ada"), vec!["x".into(), "vip".into(), "eu".into()], 2)
        );
        assert_eq!(upsert(&next, &new, false, "t2").unwrap(), None, "the same row again changes nothing");
        let customer = NewContact::parse(row_input(&c, &cells(&["ada@example.com", "", "", "churned"]))).unwrap();
        let err = upsert(&next, &customer, true, "t3").unwrap_err();
        assert_eq!(row_errors(&err), [("status".to_string(), "cannot move from lead to churned".to_string())]);
    }
}
