//! Request and response DTOs: the API contract, with utoipa schemas.

pub mod analytics;
pub mod auth;
pub mod campaigns;
pub mod cases;
pub mod changes;
pub mod companies;
pub mod consents;
pub mod contacts;
pub mod deals;
pub mod deliveries;
pub mod duplicates;
pub mod events;
pub mod exports;
pub mod history;
pub mod imports;
pub mod landing_pages;
pub mod llm_tools;
pub mod objects;
pub mod pagination;
pub mod query;
pub mod schema;
pub mod security;
pub mod segments;
pub mod tasks;
pub mod timeline;
pub mod views;
pub mod webhooks;

use serde::{Deserialize, Deserializer};

/// Deserialises a field that distinguishes "absent" (`None`) from "null" (`Some(None)`).
pub fn double_option<'de, T, D>(de: D) -> Result<Option<Option<T>>, D::Error>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    Option::<T>::deserialize(de).map(Some)
}
