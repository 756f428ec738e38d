//! Company DTOs: create and patch requests, the response, list parameters.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::contacts::parse_q;
use super::double_option;
use super::pagination::{list_response, ParamErrors};
use crate::domain::companies::{Company, CompanyPatch, CompanyPatchInput, CompanySize, NewCompany};
use crate::domain::fields::DomainError;
use crate::domain::pagination::{PageRequest, Sort};
use crate::error::AppError;
use crate::repositories::companies::CompanyQuery;

/// Company size: a head count (`250`) or a band (`"51-200"`).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(untagged)]
pub enum CompanySizeDto {
    /// Number of employees, 0 to 10,000,000.
    Count(i64),
    /// A band such as `"51-200"`.
    Band(String),
}

impl<'de> Deserialize<'de> for CompanySizeDto {
    /// A JSON number with no fraction (`120` or `120.0`) is a head count; a string is a band.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        match serde_json::Value::deserialize(d)? {
            serde_json::Value::String(band) => Ok(CompanySizeDto::Band(band)),
            serde_json::Value::Number(n) => n
                .as_i64()
                .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15).map(|f| f as i64))
                .map(CompanySizeDto::Count)
                .ok_or_else(|| D::Error::custom("must be a whole number of employees or a band such as \"51-200\"")),
            _ => Err(D::Error::custom("must be a head count or a band such as \"51-200\"")),
        }
    }
}

impl From<CompanySizeDto> for CompanySize {
    fn from(s: CompanySizeDto) -> Self {
        match s {
            CompanySizeDto::Count(n) => CompanySize::Count(n),
            CompanySizeDto::Band(b) => CompanySize::Band(b),
        }
    }
}

impl From<CompanySize> for CompanySizeDto {
    fn from(s: CompanySize) -> Self {
        match s {
            CompanySize::Count(n) => CompanySizeDto::Count(n),
            CompanySize::Band(b) => CompanySizeDto::Band(b),
        }
    }
}

/// A new company. Only `name` is required.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Acme Consulting", "domain": "acme.example", "industry": "Consulting", "size": 120, "website": "https://acme.example"}))]
pub struct CreateCompanyRequest {
    /// Name.
    #[validate(length(max = 200))]
    #[schema(required = true, nullable = false, pattern = "\\S", max_length = 200)]
    pub name: Option<String>,
    /// Web domain, e.g. `acme.com` (lower-cased).
    #[validate(length(max = 253))]
    #[schema(
        pattern = "^([ \\t\\r\\n]*|([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)$",
        max_length = 253
    )]
    pub domain: Option<String>,
    /// Industry.
    #[validate(length(max = 100))]
    pub industry: Option<String>,
    /// Size: head count or band.
    pub size: Option<CompanySizeDto>,
    /// Website URL.
    #[validate(length(max = 2048))]
    #[schema(pattern = "^([ \\t\\r\\n]*|[^\\s\\x00]*\\.[^\\s\\x00]*)$", max_length = 2048)]
    pub website: Option<String>,
    /// Custom field values by name (`GET /api/schema/company/fields`), checked by type.
    #[schema(value_type = Option<std::collections::BTreeMap<String, serde_json::Value>>)]
    pub custom: Option<serde_json::Map<String, serde_json::Value>>,
    /// The owning user's id; default: the caller (none for an API key).
    #[schema(format = Uuid)]
    pub owner_id: Option<String>,
}

/// A partial update: omitted fields are unchanged, `null` clears a field (not `name`).
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"industry": "Software", "size": "51-200"}))]
pub struct UpdateCompanyRequest {
    /// Name (cannot be cleared).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable = false, pattern = "\\S", max_length = 200)]
    pub name: Option<Option<String>>,
    /// Domain.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, pattern = "^([ \\t\\r\\n]*|([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)$", max_length = 253)]
    pub domain: Option<Option<String>>,
    /// Industry.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub industry: Option<Option<String>>,
    /// Size.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<CompanySizeDto>)]
    pub size: Option<Option<CompanySizeDto>>,
    /// Website.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, pattern = "^([ \\t\\r\\n]*|[^\\s\\x00]*\\.[^\\s\\x00]*)$", max_length = 2048)]
    pub website: Option<Option<String>>,
    /// Custom values to set by name; `null` removes one, names left out are kept.
    #[schema(value_type = Option<std::collections::BTreeMap<String, serde_json::Value>>)]
    pub custom: Option<serde_json::Map<String, serde_json::Value>>,
    /// The owning user's id; `null`: no owner.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, format = Uuid)]
    pub owner_id: Option<Option<String>>,
}

/// A company.
#[derive(Debug, Serialize, ToSchema)]
pub struct CompanyResponse {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Domain.
    pub domain: Option<String>,
    /// Industry.
    pub industry: Option<String>,
    /// Size.
    pub size: Option<CompanySizeDto>,
    /// Website.
    pub website: Option<String>,
    /// Custom field values by name.
    #[schema(value_type = std::collections::BTreeMap<String, serde_json::Value>)]
    pub custom: crate::domain::custom::CustomValues,
    /// The owning user's id (under a `private` sharing model members see the companies they own).
    pub owner_id: Option<String>,
    /// 1 on create, +1 per change; also sent as `ETag`.
    pub version: i64,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

impl From<Company> for CompanyResponse {
    fn from(c: Company) -> Self {
        Self {
            id: c.id,
            name: c.name,
            domain: c.domain,
            industry: c.industry,
            size: c.size.map(Into::into),
            website: c.website,
            custom: c.custom,
            owner_id: c.owner_id,
            version: c.version,
            created_at: c.created_at,
            updated_at: c.updated_at,
        }
    }
}

list_response!(CompanyList, CompanyResponse, "A page of companies.");

impl TryFrom<CreateCompanyRequest> for NewCompany {
    type Error = DomainError;
    fn try_from(r: CreateCompanyRequest) -> Result<Self, Self::Error> {
        NewCompany::parse(CompanyPatchInput {
            name: Some(r.name),
            domain: Some(r.domain),
            industry: Some(r.industry),
            size: Some(r.size.map(Into::into)),
            website: Some(r.website),
            custom: r.custom,
            owner_id: Some(r.owner_id),
        })
    }
}

impl TryFrom<UpdateCompanyRequest> for CompanyPatch {
    type Error = DomainError;
    fn try_from(r: UpdateCompanyRequest) -> Result<Self, Self::Error> {
        CompanyPatch::parse(CompanyPatchInput {
            name: r.name,
            domain: r.domain,
            industry: r.industry,
            size: r.size.map(|s| s.map(Into::into)),
            website: r.website,
            custom: r.custom,
            owner_id: r.owner_id,
        })
    }
}

/// Sort fields of company lists.
pub const COMPANY_SORTS: [&str; 3] = ["created_at", "updated_at", "name"];
/// Newest first.
pub const DEFAULT_COMPANY_SORT: Sort = Sort { field: "created_at", desc: true };

/// Filters, order and position of a company list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListCompaniesParams {
    /// Page size, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500, nullable = false)]
    pub limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(nullable = false, pattern = "^[A-Za-z0-9_-]*$")]
    pub cursor: Option<String>,
    /// `created_at`, `updated_at`, `name`; prefix `-` for descending. Default `-created_at`.
    #[param(nullable = false, pattern = "^(-?(created_at|updated_at|name))?$")]
    pub sort: Option<String>,
    /// `true` adds `total`.
    #[param(value_type = Option<bool>, nullable = false)]
    pub count: Option<String>,
    /// Search name and domain (words or word prefixes).
    #[param(nullable = false, max_length = 200)]
    pub q: Option<String>,
    /// Only this industry (exact).
    #[param(nullable = false)]
    pub industry: Option<String>,
    /// Only this domain (exact, case-insensitive).
    #[param(nullable = false)]
    pub domain: Option<String>,
}

impl ListCompaniesParams {
    /// Parses every parameter, reporting all invalid ones at once.
    pub fn parse(self) -> Result<(CompanyQuery, PageRequest), AppError> {
        let mut errors = ParamErrors::default();
        let page = errors.page(
            self.limit.as_deref(),
            self.sort.as_deref(),
            self.cursor.as_deref(),
            self.count.as_deref(),
            &COMPANY_SORTS,
            DEFAULT_COMPANY_SORT,
        );
        let query = CompanyQuery {
            q: parse_q(&mut errors, self.q.as_deref()),
            industry: self.industry.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()),
            domain: self.domain.map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty()),
        };
        errors.finish((query, page))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_accepts_whole_numbers_in_any_json_spelling_and_bands() {
        let parse = |s: &str| serde_json::from_str::<CompanySizeDto>(s);
        assert!(matches!(parse("120"), Ok(CompanySizeDto::Count(120))));
        assert!(matches!(parse("2496.0"), Ok(CompanySizeDto::Count(2496))));
        assert!(matches!(parse("\"51-200\""), Ok(CompanySizeDto::Band(b)) if b == "51-200"));
        assert!(parse("1.5").is_err());
        assert!(parse("true").is_err());
        assert!(parse("1e300").is_err());
    }
}
