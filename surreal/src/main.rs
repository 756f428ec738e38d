#![recursion_limit = "256"]
//! `surreal start --bind 127.0.0.1:8000 --user root --pass root memory`, and the rest of the
//! usual SurrealDB command line.
fn main() -> std::process::ExitCode {
    surrealdb_server::init(surrealdb_server::core::CommunityComposer())
}
