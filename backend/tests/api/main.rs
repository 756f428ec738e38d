//! One integration binary: the real application on a fresh database per test.
#![allow(clippy::unwrap_used)] // tests fail loudly by design

mod analytics;
mod auth;
mod backup;
mod binary;
mod campaigns;
mod cases;
mod changes;
mod companies;
mod consents;
mod contacts;
mod deals;
mod deliveries;
mod duplicates;
mod errors;
mod events;
mod exports;
mod fake_llm;
mod grpc;
mod health;
mod helpers;
mod history;
mod idempotency;
mod imports;
mod landing_pages;
mod lists;
mod llm_tools;
mod notifications;
mod objects;
mod observability;
#[path = "../common/ports.rs"]
mod ports;
mod privacy;
mod query;
mod replay;
mod sales_history;
mod scale_out;
mod schema;
mod security;
mod segments;
mod storage;
mod tasks;
mod timeline;
mod triggers;
mod views;
mod webhooks;
