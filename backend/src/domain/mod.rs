//! Pure business rules: entities, state machines, validation, history replay. No I/O.

pub mod analytics;
pub mod auth;
pub mod campaigns;
pub mod cases;
pub mod changes;
pub mod companies;
pub mod consents;
pub mod contacts;
pub mod deals;
pub mod duplicates;
pub mod engagement;
pub mod erasure;
pub mod fields;
pub mod funnel;
pub mod history;
pub mod ids;
pub mod imports;
pub mod log_scope;
pub mod money;
pub mod pagination;
pub mod search;
pub mod segments;
pub mod tasks;
pub mod timeline;
