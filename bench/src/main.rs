//! `crm-bench`: seeds a real `crm` on on-disk storage, drives HTTP load at a fixed number of
//! connections, and prints each operation beside the same work done in-process on the embedded
//! database, so the API's overhead reads as a ratio. `--duration 10m` is a soak run instead.

mod http;
mod ops;
mod server;
mod stats;

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use clap::Parser;
use serde_json::json;

use crate::http::{Conn, Request};
use crate::ops::{Ctx, Op, SampleContact, Worker};
use crate::server::{Database, Server};
use crate::stats::{fmt_num, Measured};

#[derive(Parser, Debug)]
#[command(name = "crm-bench", about = "Load-test the crm server against its embedded (or a remote) database")]
struct Cli {
    /// Contacts to seed before the load.
    #[arg(long, default_value_t = 100_000)]
    contacts: usize,
    /// Deals to seed (the pipeline summary is measured over them).
    #[arg(long, default_value_t = 100_000)]
    deals: usize,
    /// Cases to seed.
    #[arg(long, default_value_t = 10_000)]
    cases: usize,
    /// Tasks to seed.
    #[arg(long, default_value_t = 20_000)]
    tasks: usize,
    /// Concurrent connections (and in-process tasks).
    #[arg(long, default_value_t = 32)]
    connections: usize,
    /// Connections for the latency pass (p50/p99 at low concurrency, where they are not queueing).
    #[arg(long, default_value_t = 4)]
    latency_connections: usize,
    /// Seconds of load per operation (and again in-process).
    #[arg(long, default_value_t = 5.0)]
    seconds: f64,
    /// Soak instead of the table: mixed load for this long (`90s`, `10m`, `1h`), printing RSS over time.
    #[arg(long)]
    duration: Option<String>,
    /// The crm binary (default: next to this one).
    #[arg(long)]
    crm: Option<PathBuf>,
    /// A SurrealDB server binary to start on loopback; the run then goes over ws://.
    #[arg(long)]
    surreal: Option<PathBuf>,
    /// Append the report (machine, date, command, table) to this Markdown file.
    #[arg(long)]
    results: Option<PathBuf>,
    /// Soak with reads only (no creates, PATCHes or timeline appends), so the data does not grow.
    #[arg(long)]
    read_only: bool,
    /// Only these operations (comma-separated names as printed, e.g. `get by id,create contact`;
    /// `export and import` for the export and import step).
    #[arg(long)]
    only: Option<String>,
    /// Rows of the CSV import step (half changes, half new contacts).
    #[arg(long, default_value_t = 20_000)]
    import_rows: usize,
    /// Recipients of the campaign delivery step (about; a segment of the newest contacts).
    #[arg(long, default_value_t = 100_000)]
    recipients: usize,
    /// Keep the data directory afterwards.
    #[arg(long)]
    keep: bool,
    /// Use (and keep) this data directory; when it already holds `crm.db` (from an earlier run
    /// or `crm seed`), the seeding step is skipped.
    #[arg(long)]
    data: Option<PathBuf>,
}

/// A SurrealDB server process started for the run.
struct SurrealProcess(Child);

impl Drop for SurrealProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The same allocator as the `crm` binary, so the in-process column compares like with like.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    // As the server does, so the in-process column compares like with like.
    crm::quiet_error_backtraces();
    tokio::runtime::Runtime::new()?.block_on(bench())
}

async fn bench() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let crm_bin = cli.crm.clone().unwrap_or_else(server::default_crm_binary);
    if !crm_bin.exists() {
        bail!("{} not found: build it with `cargo build --release -p crm -p crm-bench`", crm_bin.display());
    }
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_millis();
    let dir = match &cli.data {
        Some(d) => d.clone(),
        None => std::env::temp_dir().join(format!("crm-bench-{}-{stamp}", std::process::id())),
    };
    std::fs::create_dir_all(&dir)?;
    let result = run(&cli, &crm_bin, &dir, stamp).await;
    if cli.keep || cli.data.is_some() {
        eprintln!("data kept in {}", dir.display());
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
    result
}

async fn run(cli: &Cli, crm_bin: &std::path::Path, dir: &std::path::Path, stamp: u128) -> anyhow::Result<()> {
    let (db, _surreal) = match &cli.surreal {
        Some(bin) => {
            let (db, process) = start_surreal(bin, dir).await?;
            (db, Some(process))
        }
        None => (
            Database {
                url: format!("surrealkv://{}", dir.join("crm.db").display()),
                user: None,
                pass: None,
                name: "crm".into(),
            },
            None,
        ),
    };
    let storage = if cli.surreal.is_some() {
        "SurrealDB server over ws:// (surrealkv on disk)"
    } else {
        "embedded surrealkv on disk"
    };
    let reuse = cli.surreal.is_none() && dir.join("crm.db").exists();
    let seeded_at = Instant::now();
    let seed_report = if reuse {
        eprintln!("== reusing the data in {}", dir.display());
        format!("reused {} (seeded earlier with `crm seed`)", dir.display())
    } else {
        eprintln!("== seeding {} contacts ({storage})", cli.contacts);
        server::seed(crm_bin, &db, cli.contacts, (cli.contacts / 200).max(10), [cli.deals, cli.cases, cli.tasks])?
    };
    let seed_secs = seeded_at.elapsed().as_secs_f64();
    eprintln!("   {seed_report}");

    let srv = Server::start(crm_bin, &db, &[]).await?;
    eprintln!("== crm started in {} ms on {}", srv.startup.as_millis(), srv.addr);
    let ctx = Arc::new(prepare(&srv.addr, cli.contacts, cli.connections, stamp).await?);
    eprintln!("   sample: {} contacts, {} deep cursors", ctx.sample.len(), ctx.deep_cursors.len());

    if let Some(d) = &cli.duration {
        let duration = parse_duration(d)?;
        let (report, problem) = soak(&srv, ctx.clone(), cli.connections, duration, cli.read_only).await?;
        srv.stop()?;
        println!("{report}");
        if let Some(path) = &cli.results {
            let kind = if cli.read_only { "reads only" } else { "reads and writes" };
            append_results(path, &format!("### Soak ({kind}), {storage}\n\n{report}"))?;
        }
        if let Some(problem) = problem {
            bail!("{problem}");
        }
        return Ok(());
    }

    let ops: Vec<Op> = match &cli.only {
        Some(list) => {
            let wanted: Vec<&str> = list.split(',').map(str::trim).collect();
            Op::ALL.into_iter().filter(|o| wanted.contains(&o.name())).collect()
        }
        None => Op::ALL.to_vec(),
    };
    let per_op = Duration::from_secs_f64(cli.seconds);
    let rss_series = sample_rss(srv.pid());
    // Warm the server (caches, connection pools) before anything is recorded.
    drive_http(&srv.addr, ctx.clone(), Op::Get, cli.connections, Duration::from_secs(2)).await;
    let mut rows = Vec::new();
    for op in &ops {
        let cpu_before = srv.cpu()?;
        let m = drive_http(&srv.addr, ctx.clone(), *op, cli.connections, per_op).await;
        let cpu = srv.cpu()?.saturating_sub(cpu_before);
        let low = drive_http(&srv.addr, ctx.clone(), *op, cli.latency_connections, per_op).await;
        eprintln!(
            "   {:<26} {:>8} req/s @{}  p50 {:>6} ms  p99 {:>6} ms @{}{}",
            op.name(),
            fmt_num(m.rate()),
            cli.connections,
            fmt_num(low.quantile_ms(0.5)),
            fmt_num(low.quantile_ms(0.99)),
            cli.latency_connections,
            m.first_failure
                .as_deref()
                .or(low.first_failure.as_deref())
                .map(|f| format!("  FAILED {}x: {f}", m.failed + low.failed))
                .unwrap_or_default()
        );
        rows.push((*op, m, low, cpu));
    }
    let bulk_report = match &cli.only {
        Some(list) if !list.split(',').any(|o| o.trim() == BULK) => String::new(),
        _ => bulk(&srv, &ctx, cli.import_rows).await?,
    };
    let wants = |step: &str| cli.only.as_deref().is_none_or(|list| list.split(',').any(|o| o.trim() == step));
    let mut delivery_report = String::new();
    if wants(RSVPS) {
        delivery_report.push_str(&rsvp_rush(&srv, &ctx).await?);
    }
    if wants(CUSTOM) {
        delivery_report.push_str(&custom_fields(&srv, &ctx, cli.connections, cli.latency_connections, per_op).await?);
    }
    if wants(OBJECTS) {
        delivery_report.push_str(&custom_objects(&srv, &ctx, cli.connections, cli.latency_connections, per_op).await?);
    }
    if wants(SECURITY) {
        delivery_report.push_str(&security(&srv, &ctx, cli.connections, cli.latency_connections, per_op).await?);
    }
    if wants(DELIVERY) {
        delivery_report.push_str(&delivery(&srv, &ctx, cli.contacts, cli.recipients, "log").await?);
    }
    let (rss, peak_rss) = srv.memory()?;
    let rss_series = rss_series.finish();
    let startup = srv.startup;
    srv.stop()?;
    if wants(DELIVERY) {
        let sink = crm::smtp_sink::SmtpSink::start(false).await?;
        let smtp =
            Server::start(crm_bin, &db, &[("CRM__EMAIL__SMTP_URL", &sink.url), ("CRM__EMAIL__POOL_SIZE", "8")]).await?;
        delivery_report.push_str(&delivery(&smtp, &ctx, cli.contacts, cli.recipients, "smtp").await?);
        eprintln!("   the SMTP sink accepted {} messages", sink.accepted());
        smtp.stop()?;
    }

    // A second start, after a clean stop: what a restart costs (the first start after seeding
    // may also replay the seed's write-ahead log).
    let restart = Server::start(crm_bin, &db, &[]).await?;
    let restart_startup = restart.startup;
    restart.stop()?;
    eprintln!("== restart after a clean stop: {} ms", restart_startup.as_millis());

    eprintln!("== the same operations in-process (services over the embedded database, no HTTP)");
    let settings = db.settings()?;
    let handle = crm::db::connect(&settings.database).await?;
    let state = crm::state::AppState::new(settings, handle).await?;
    // The server ran the data migrations; this state learns they are done (else lists are 503).
    state.migrations.run(&state.db).await?;
    let mut table = Vec::new();
    for (op, m, low, cpu) in rows {
        let raw = drive_in_process(&state, ctx.clone(), op, cli.connections, per_op).await;
        eprintln!("   {:<26} {:>8} ops/s", op.name(), fmt_num(raw.rate()));
        table.push((op, m, low, cpu, raw));
    }
    let raw_db = raw_create_rate(&state.db, RAW_TASKS, per_op).await?;
    eprintln!("   raw create + event        {:>8} tx/s ({RAW_TASKS} tasks, the database alone)", fmt_num(raw_db));
    state.db.close().await?;

    let mut out = String::new();
    out.push_str(&format!(
        "- machine: {}\n- date: {}\n- command: `{}`\n- storage: {storage}; {} contacts, seed step {:.1} s ({})\n- load: {} connections for req/s and CPU, {} for p50/p99; {} s per operation and pass, keep-alive HTTP/1.1 from the same machine\n- raw database: {} create + change event transactions/s ({RAW_TASKS} tasks, the same embedded datastore, no index, no API)\n- start-up (spawn to first healthy answer, {} contacts on disk): {} ms the first time after seeding, {} ms after a clean stop\n- server RSS at the end: {:.0} MiB, peak {:.0} MiB; over the run (MiB, every 10 s): {}\n\n",
        server::machine(),
        utc_now(),
        std::env::args().collect::<Vec<_>>().join(" "),
        cli.contacts,
        seed_secs,
        seed_report,
        cli.connections,
        cli.latency_connections,
        cli.seconds,
        fmt_num(raw_db),
        cli.contacts,
        startup.as_millis(),
        restart_startup.as_millis(),
        rss as f64 / 1048576.0,
        peak_rss as f64 / 1048576.0,
        rss_series,
    ));
    out.push_str(&format!(
        "| operation | API req/s @{c} | p50 ms @{c} | p50 ms @{l} | p99 ms @{l} | server CPU ms/req | in-process ops/s | API / in-process | failed |\n",
        c = cli.connections,
        l = cli.latency_connections
    ));
    out.push_str("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    let mut failures = 0;
    for (op, m, low, cpu, raw) in &table {
        let cpu_per = cpu.as_secs_f64() * 1000.0 / (m.ok.max(1) as f64);
        let ratio = if raw.rate() > 0.0 { format!("{:.0}%", 100.0 * m.rate() / raw.rate()) } else { "-".into() };
        failures += m.failed + low.failed + raw.failed;
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            op.name(),
            fmt_num(m.rate()),
            fmt_num(m.quantile_ms(0.5)),
            fmt_num(low.quantile_ms(0.5)),
            fmt_num(low.quantile_ms(0.99)),
            fmt_num(cpu_per),
            fmt_num(raw.rate()),
            ratio,
            m.failed + low.failed + raw.failed,
        ));
        if let Some(f) = m.first_failure.as_ref().or(raw.first_failure.as_ref()) {
            eprintln!("   first failure of {}: {f}", op.name());
        }
    }
    out.push_str(&bulk_report);
    out.push_str(&delivery_report);
    println!("\n{out}");
    if let Some(path) = &cli.results {
        append_results(path, &format!("### {storage}, {} contacts\n\n{out}", cli.contacts))?;
        eprintln!("appended to {}", path.display());
    }
    if failures > 0 {
        bail!("{failures} requests failed");
    }
    Ok(())
}

/// The name of the RSVP step in `--only`.
const RSVPS: &str = "event rsvps";
/// Guests answering yes at once in the RSVP step, and the event's seats.
const RSVP_GUESTS: usize = 1_000;
const RSVP_SEATS: usize = 100;
/// Connections the RSVP step sends them through.
const RSVP_CONNECTIONS: usize = 200;

/// 1,000 guests invited to a 100-seat event all answer yes at once (through 200 connections):
/// the event must end with exactly 100 confirmed and 900 waitlisted; the rate and latency of the
/// answers.
async fn rsvp_rush(srv: &Server, ctx: &Ctx) -> anyhow::Result<String> {
    eprintln!("== event RSVPs: {RSVP_GUESTS} yeses for {RSVP_SEATS} seats");
    let mut conn = Conn::new(&srv.addr);
    let guests: Vec<String> = ctx.sample.iter().take(RSVP_GUESTS).map(|s| s.id.clone()).collect();
    if guests.len() < RSVP_GUESTS {
        bail!("the RSVP step needs {RSVP_GUESTS} sampled contacts, there are {}", guests.len());
    }
    let starts = chrono::Utc::now() + chrono::Duration::days(30);
    let body = json!({"name": format!("Bench event {}", ctx.run), "starts_at": starts.to_rfc3339(),
        "ends_at": (starts + chrono::Duration::hours(2)).to_rfc3339(), "capacity": RSVP_SEATS});
    let created = conn.send(&Request::json("POST", "/api/events", &body).bearer(&ctx.key)).await?;
    if created.status != 201 {
        bail!("creating the event failed: {} {}", created.status, created.text());
    }
    let event = created.json()?["id"].as_str().context("no event id")?.to_string();
    let invited = Instant::now();
    let reply = conn
        .send(
            &Request::json("POST", format!("/api/events/{event}/invite"), &json!({"contact_ids": guests}))
                .bearer(&ctx.key),
        )
        .await?;
    if reply.status != 200 {
        bail!("inviting failed: {} {}", reply.status, reply.text());
    }
    let invite_secs = invited.elapsed().as_secs_f64();
    let queue = Arc::new(std::sync::Mutex::new(guests));
    let started = Instant::now();
    let workers: Vec<_> = (0..RSVP_CONNECTIONS)
        .map(|_| {
            let (queue, addr, key, event) = (queue.clone(), srv.addr.clone(), ctx.key.clone(), event.clone());
            tokio::spawn(async move {
                let mut conn = Conn::new(&addr);
                let mut m = Measured::default();
                loop {
                    let Some(guest) = queue.lock().map(|mut q| q.pop()).ok().flatten() else { return m };
                    let req = Request::json(
                        "POST",
                        format!("/api/events/{event}/rsvp"),
                        &json!({"contact_id": guest, "response": "yes"}),
                    )
                    .bearer(&key);
                    let sent = Instant::now();
                    match conn.send(&req).await {
                        Ok(r) if r.status == 200 => m.record(sent.elapsed()),
                        Ok(r) => m.fail(format!("{} {}", r.status, r.text())),
                        Err(e) => m.fail(e.to_string()),
                    }
                }
            })
        })
        .collect();
    let m = collect(workers, started).await;
    let took = started.elapsed().as_secs_f64();
    let got = conn.send(&Request::get(format!("/api/events/{event}")).bearer(&ctx.key)).await?.json()?;
    let counts = &got["counts"];
    let (confirmed, waitlisted) =
        (counts["confirmed"].as_u64().unwrap_or(0), counts["waitlisted"].as_u64().unwrap_or(0));
    eprintln!(
        "   {} answered in {took:.2} s ({} RSVPs/s), p50 {} ms, p99 {} ms; confirmed {confirmed}, waitlisted {waitlisted}{}",
        m.ok,
        fmt_num(m.ok as f64 / took),
        fmt_num(m.quantile_ms(0.5)),
        fmt_num(m.quantile_ms(0.99)),
        m.first_failure.as_deref().map(|f| format!("; {} FAILED: {f}", m.failed)).unwrap_or_default()
    );
    if m.failed > 0 || confirmed != RSVP_SEATS as u64 || waitlisted != (RSVP_GUESTS - RSVP_SEATS) as u64 {
        bail!("the RSVP rush ended with {confirmed} confirmed, {waitlisted} waitlisted, {} failed: {counts}", m.failed);
    }
    Ok(format!(
        "\n- event RSVPs: {RSVP_GUESTS} guests invited in {invite_secs:.2} s (one request); {RSVP_GUESTS} yeses for {RSVP_SEATS} seats sent at once through {RSVP_CONNECTIONS} connections: {confirmed} confirmed, {waitlisted} waitlisted, 0 failed; {took:.2} s in all, {} RSVPs/s, p50 {} ms, p99 {} ms (answers to one event are decided in rounds: each round of waiting answers is one transaction)\n",
        fmt_num(m.ok as f64 / took),
        fmt_num(m.quantile_ms(0.5)),
        fmt_num(m.quantile_ms(0.99)),
    ))
}

/// The name of the custom fields step in `--only`.
const CUSTOM: &str = "custom fields and rules";

/// What custom fields, validation rules and triggers cost: contact creates without them, with two
/// custom values, with those values through three rules and two before triggers, and without
/// them again, back to back; then a page of contacts by an indexed custom field through
/// `POST /api/query` (values set on 2,000 contacts, the index built in the background first).
/// The definitions are removed afterwards.
async fn custom_fields(
    srv: &Server,
    ctx: &Arc<Ctx>,
    connections: usize,
    low: usize,
    per_op: Duration,
) -> anyhow::Result<String> {
    eprintln!("== {CUSTOM}");
    let mut conn = Conn::new(&srv.addr);
    let mut call = async |method: &'static str, path: String, body: serde_json::Value| {
        admin_call(&mut conn, &ctx.key, method, path, body).await
    };
    let run = ctx.run.replace('-', "_");
    let measure = async |op: Op, ctx: Arc<Ctx>| drive_pair(&srv.addr, ctx, op, connections, low, per_op).await;
    let (plain, plain_low) = measure(Op::Create, ctx.clone()).await;
    let (tier, budget) = (format!("bench_tier_{run}"), format!("bench_budget_{run}"));
    let mut made = Vec::new();
    for body in [
        serde_json::json!({"name": tier, "type": "select", "options": ["gold", "silver"]}),
        serde_json::json!({"name": budget, "type": "currency"}),
    ] {
        made.push(
            call("POST", "/api/schema/contact/fields".into(), body).await?["id"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
        );
    }
    // The same writes with their two custom values and nothing to check them but their types.
    let valued_ctx = Arc::new(Ctx { custom: Some((tier.clone(), budget.clone())), ..(**ctx).clone() });
    let (valued, _) = measure(Op::CreateRuled, valued_ctx).await;
    let mut rules = Vec::new();
    for (i, condition) in [
        format!("contact.custom.{tier} == 'gold' && contact.custom.{budget} == null"),
        "contact.status == 'customer' && contact.company_id == null".to_string(),
        "old_contact != null && old_contact.status == 'churned' && contact.status == 'mql'".to_string(),
    ]
    .into_iter()
    .enumerate()
    {
        let body =
            serde_json::json!({"name": format!("bench_{run}_{i}"), "condition": condition, "message": "bench rule"});
        rules.push(
            call("POST", "/api/schema/contact/rules".into(), body).await?["id"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
        );
    }
    // Two before triggers every write evaluates: one derives the tier (the value the write
    // carries already, so it changes nothing), one refuses a combination the writes never have.
    let mut triggers = Vec::new();
    for (i, action, condition) in [
        (
            0,
            serde_json::json!({"type": "set", "values": {format!("custom.{tier}"): format!("contact.custom.{tier} == null ? 'silver' : contact.custom.{tier}")}}),
            String::new(),
        ),
        (
            1,
            serde_json::json!({"type": "reject", "message": "bench trigger", "field": "status"}),
            "contact.status == 'churned' && contact.tags.exists(t, t == 'vip')".to_string(),
        ),
    ] {
        let body = serde_json::json!({"name": format!("bench_{run}_t{i}"), "timing": "before", "condition": condition, "action": action});
        triggers.push(
            call("POST", "/api/schema/contact/triggers".into(), body).await?["id"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
        );
    }
    let ruled_ctx = Arc::new(Ctx { custom: Some((tier, budget)), ..(**ctx).clone() });
    let (ruled, ruled_low) = measure(Op::CreateRuled, ruled_ctx).await;
    for id in triggers {
        call("DELETE", format!("/api/schema/contact/triggers/{id}"), serde_json::Value::Null).await?;
    }
    for id in rules {
        call("DELETE", format!("/api/schema/contact/rules/{id}"), serde_json::Value::Null).await?;
    }
    for id in made {
        call("DELETE", format!("/api/schema/contact/fields/{id}"), serde_json::Value::Null).await?;
    }
    // Plain writes again: the table and the storage engine have moved on since the first round,
    // so the overheads are taken against the mean of the two plain rounds.
    let (plain_after, _) = measure(Op::Create, ctx.clone()).await;
    let plain_rate = (plain.rate() + plain_after.rate()) / 2.0;
    let overhead = 100.0 * (plain_rate / ruled.rate().max(0.001) - 1.0);
    let valued_overhead = 100.0 * (plain_rate / valued.rate().max(0.001) - 1.0);
    eprintln!(
        "   create: {} then {} req/s plain, {} req/s with 2 custom values ({valued_overhead:.0}% more time), {} req/s with them through 3 rules and 2 before triggers ({overhead:.0}% more time per create); p99 @{low} {} vs {} ms",
        fmt_num(plain.rate()),
        fmt_num(plain_after.rate()),
        fmt_num(valued.rate()),
        fmt_num(ruled.rate()),
        fmt_num(plain_low.quantile_ms(0.99)),
        fmt_num(ruled_low.quantile_ms(0.99)),
    );

    // An indexed custom field on 2,000 sample contacts, then pages of them by value.
    let region = format!("bench_region_{run}");
    let field = call(
        "POST",
        "/api/schema/contact/fields".into(),
        serde_json::json!({"name": region, "type": "text", "indexed": true}),
    )
    .await?;
    let field_id = field["id"].as_str().unwrap_or_default().to_string();
    let started = Instant::now();
    loop {
        let f = call("GET", format!("/api/schema/contact/fields/{field_id}"), serde_json::Value::Null).await?;
        match f["index"]["status"].as_str() {
            Some("ready") => break,
            Some("failed") => bail!("the index build failed: {f}"),
            _ if started.elapsed() > Duration::from_secs(1800) => bail!("the index was not built in 30 minutes"),
            _ => tokio::time::sleep(Duration::from_millis(250)).await,
        }
    }
    let built = started.elapsed().as_secs_f64();
    let holding = ctx.sample.len().min(2000);
    for (i, s) in ctx.sample.iter().take(holding).enumerate() {
        let value = if i % 2 == 0 { "north" } else { "south" };
        call("PATCH", format!("/api/contacts/{}", s.id), serde_json::json!({"custom": {region.clone(): value}}))
            .await?;
    }
    let query_ctx = Arc::new(Ctx { region: Some(region), ..(**ctx).clone() });
    let (query, query_low) = measure(Op::QueryCustom, query_ctx).await;
    call("DELETE", format!("/api/schema/contact/fields/{field_id}"), serde_json::Value::Null).await?;
    eprintln!(
        "   index on {} contacts built in {built:.1} s; query by it: {} req/s @{connections}, p50 {} ms, p99 {} ms @{low}",
        ctx.contacts,
        fmt_num(query.rate()),
        fmt_num(query_low.quantile_ms(0.5)),
        fmt_num(query_low.quantile_ms(0.99)),
    );
    for m in [&plain, &plain_after, &valued, &ruled, &query, &plain_low, &ruled_low, &query_low] {
        if let Some(f) = &m.first_failure {
            bail!("a custom fields request failed: {f}");
        }
    }
    Ok(format!(
        "\n- custom fields and rules: contact create {} then {} req/s @{connections} plain, {} req/s with 2 custom values ({valued_overhead:.0}% more time per create) and {} req/s with them through 3 validation rules and 2 before triggers ({overhead:.0}% more), p99 @{low} {} vs {} ms; an indexed custom field on {} contacts built in the background in {built:.1} s; `POST /api/query` for a page of 50 by its value ({holding} contacts hold one): {} req/s @{connections}, p50 {} ms, p99 {} ms @{low}\n",
        fmt_num(plain.rate()),
        fmt_num(plain_after.rate()),
        fmt_num(valued.rate()),
        fmt_num(ruled.rate()),
        fmt_num(plain_low.quantile_ms(0.99)),
        fmt_num(ruled_low.quantile_ms(0.99)),
        ctx.contacts,
        fmt_num(query.rate()),
        fmt_num(query_low.quantile_ms(0.5)),
        fmt_num(query_low.quantile_ms(0.99)),
    ))
}

/// A request of the admin key that must succeed: its JSON answer (null for 204).
async fn admin_call(
    conn: &mut Conn,
    key: &str,
    method: &'static str,
    path: String,
    body: serde_json::Value,
) -> anyhow::Result<serde_json::Value> {
    let req = match method {
        "GET" | "DELETE" => Request { method, ..Request::get(path.clone()) },
        _ => Request::json(method, path.clone(), &body),
    };
    let reply = conn.send(&req.bearer(key)).await?;
    if !(200..300).contains(&reply.status) {
        bail!("{method} {path}: {} {}", reply.status, reply.text());
    }
    if reply.status == 204 {
        return Ok(serde_json::Value::Null);
    }
    reply.json()
}

/// The name of the row and field security step in `--only`.
const SECURITY: &str = "row and field security";

/// Contacts the security step shares with its member.
const SHARED: usize = 2_000;

/// What row- and field-level security costs a member's reads: a contact by id and a first list
/// page as the admin (no checks), then as a member with a field hidden from members (every
/// answer is redacted), then with contacts private and the sample shared with the member (every
/// record is checked, every list page filtered). The settings are restored afterwards.
async fn security(
    srv: &Server,
    ctx: &Arc<Ctx>,
    connections: usize,
    low: usize,
    per_op: Duration,
) -> anyhow::Result<String> {
    eprintln!("== {SECURITY}");
    let mut conn = Conn::new(&srv.addr);
    let email = format!("bench-member-{}@example.com", ctx.run);
    let password = "bench member password";
    let member = serde_json::json!({"email": email, "password": password, "role": "member"});
    let member_id = admin_call(&mut conn, &ctx.key, "POST", "/api/users".into(), member).await?["id"]
        .as_str()
        .context("no user id")?
        .to_string();
    let login = serde_json::json!({"email": email, "password": password});
    let token = conn.send(&Request::json("POST", "/api/auth/login", &login)).await?.json()?["token"]
        .as_str()
        .context("no member token")?
        .to_string();
    let as_member = Arc::new(Ctx { member: Some(token), ..(**ctx).clone() });
    let settings = async |conn: &mut Conn, body: serde_json::Value| {
        admin_call(conn, &ctx.key, "PUT", "/api/schema/contact/security".into(), body).await
    };
    let mut rows = Vec::new();
    let mut measure = async |label: &str, ctx: Arc<Ctx>| -> anyhow::Result<()> {
        for op in [Op::Get, Op::ListFirst] {
            rows.push(measured(srv, ctx.clone(), op, label, (connections, low, per_op)).await?);
        }
        Ok(())
    };
    measure("as the admin", ctx.clone()).await?;
    let hidden = serde_json::json!({"sharing": "public_read_write",
        "fields": [{"field": "phone", "role": "member", "access": "hidden"}]});
    settings(&mut conn, hidden).await?;
    measure("as a member, phone hidden", as_member.clone()).await?;
    // The member's reads go to the contacts shared with them (a member is given a book of
    // contacts, not a share of the whole table).
    let shared: Vec<_> = ctx.sample.iter().take(SHARED).cloned().collect();
    for s in &shared {
        let share = serde_json::json!({"user_id": member_id, "access": "read"});
        admin_call(&mut conn, &ctx.key, "POST", format!("/api/contacts/{}/share", s.id), share).await?;
    }
    let private = serde_json::json!({"sharing": "private",
        "fields": [{"field": "phone", "role": "member", "access": "hidden"}]});
    settings(&mut conn, private).await?;
    let label = format!("as a member, private, {} shared", shared.len());
    let outcome = measure(&label, Arc::new(Ctx { sample: shared, ..(*as_member).clone() })).await;
    settings(&mut conn, serde_json::json!({"sharing": "public_read_write", "fields": []})).await?;
    outcome?;
    Ok(format!("\n- row and field security: {}\n", rows.join("; ")))
}

/// The name of the custom objects step in `--only`.
const OBJECTS: &str = "custom objects";

/// Defines a custom object (a required currency, an indexed select, a reference to a company),
/// then measures creating its records through the checks, a first page of them, and a page by
/// the indexed field, beside contact creates in the same run.
async fn custom_objects(
    srv: &Server,
    ctx: &Arc<Ctx>,
    connections: usize,
    low: usize,
    per_op: Duration,
) -> anyhow::Result<String> {
    eprintln!("== {OBJECTS}");
    let mut conn = Conn::new(&srv.addr);
    let name = format!("bench_contract_{}", ctx.run.replace('-', "_"));
    let company = ctx.sample.iter().find_map(|s| s.company_id.clone()).context("no sample contact has a company")?;
    let body = serde_json::json!({
        "name": name,
        "fields": [{"name": "value", "type": "currency", "required": true},
                   {"name": "tier", "type": "select", "options": ["gold", "silver"], "indexed": true}],
        "relationships": [{"name": "company_id", "object": "company", "required": true}]
    });
    let reply = conn.send(&Request::json("POST", "/api/schema/objects", &body).bearer(&ctx.key)).await?;
    if reply.status != 201 {
        bail!("defining the object: {} {}", reply.status, reply.text());
    }
    let object_ctx = Arc::new(Ctx { object: Some((name.clone(), company)), ..(**ctx).clone() });
    let mut rows = Vec::new();
    for op in [Op::CreateRecord, Op::RecordsList, Op::RecordsFilter, Op::Create] {
        rows.push(measured(srv, object_ctx.clone(), op, "", (connections, low, per_op)).await?);
    }
    Ok(format!("\n- custom objects: {}\n", rows.join("; ")))
}

/// Drives `op` (its rate at `connections`, its latencies at `low`, `per_op` each) and describes
/// it for a step's report line (`label` follows the operation's name); a failed request fails.
async fn measured(
    srv: &Server,
    ctx: Arc<Ctx>,
    op: Op,
    label: &str,
    (connections, low, per_op): (usize, usize, Duration),
) -> anyhow::Result<String> {
    let (m, l) = drive_pair(&srv.addr, ctx, op, connections, low, per_op).await;
    let name = format!("{}{}{label}", op.name(), if label.is_empty() { "" } else { " " });
    if let Some(f) = m.first_failure.as_ref().or(l.first_failure.as_ref()) {
        bail!("{name}: {f}");
    }
    let (rate, p50, p99) = (fmt_num(m.rate()), fmt_num(l.quantile_ms(0.5)), fmt_num(l.quantile_ms(0.99)));
    eprintln!("   {name}: {rate} req/s @{connections}, p50 {p50} ms, p99 {p99} ms @{low}");
    Ok(format!("{name} {rate} req/s @{connections}, p99 {p99} ms @{low}"))
}

/// The name of the campaign delivery step in `--only`.
const DELIVERY: &str = "campaign delivery";

/// Sends a campaign to about `recipients` of the newest contacts through `transport` (the
/// server's): the time to queue every message, the time until every one is sent, the server's
/// RSS at the end and its peak.
async fn delivery(
    srv: &Server,
    ctx: &Ctx,
    contacts: usize,
    recipients: usize,
    transport: &str,
) -> anyhow::Result<String> {
    eprintln!("== campaign delivery ({transport} transport)");
    let mut conn = Conn::new(&srv.addr);
    let mut call =
        async |method: &'static str, path: String, body: serde_json::Value| -> anyhow::Result<serde_json::Value> {
            let req =
                if method == "GET" { Request::get(path.clone()) } else { Request::json(method, path.clone(), &body) };
            let reply = conn.send(&req.bearer(&ctx.key)).await?;
            if !(200..300).contains(&reply.status) {
                bail!("{method} {path}: {} {}", reply.status, reply.text());
            }
            reply.json()
        };
    // The seed spreads creation over a year: the newest `days` hold about `recipients`.
    let days = ((365.0 * recipients as f64 / contacts.max(1) as f64).ceil() as usize).clamp(1, 3650);
    let filter = serde_json::json!({"field": "created_at", "op": "within_last", "value": format!("{days}d")});
    let segment = call(
        "POST",
        "/api/segments".into(),
        serde_json::json!({"name": format!("Bench {transport} {}", ctx.run), "filter": filter}),
    )
    .await?;
    let campaign = call("POST", "/api/campaigns".into(), serde_json::json!({"name": "Bench", "brief": "Invite our customers to the bench summit.", "segment_id": segment["id"]})).await?;
    let id = campaign["id"].as_str().unwrap_or_default().to_string();
    let assets = call("POST", format!("/api/campaigns/{id}/assets"), serde_json::json!({"kinds": ["email"]})).await?;
    let asset = assets["data"][0]["id"].as_str().unwrap_or_default().to_string();
    call("POST", format!("/api/campaigns/{id}/assets/{asset}/approve"), serde_json::json!({})).await?;
    let started = Instant::now();
    call("POST", format!("/api/campaigns/{id}/execute"), serde_json::json!({})).await?;
    let mut queued_at = None;
    let mut peak = 0u64;
    let progress = loop {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let p = call("GET", format!("/api/campaigns/{id}/progress"), serde_json::Value::Null).await?;
        peak = peak.max(srv.memory()?.0);
        if queued_at.is_none() && p["queued_all"] == true {
            queued_at = Some(started.elapsed());
        }
        if p["status"] == "completed" {
            break p;
        }
        if started.elapsed() > Duration::from_secs(3600) {
            bail!("the campaign did not finish within an hour: {p}");
        }
    };
    let done = started.elapsed();
    let total = progress["total"].as_u64().unwrap_or(0);
    let sent = progress["sent"].as_u64().unwrap_or(0);
    let queued = queued_at.unwrap_or(done).as_secs_f64();
    let rate = sent as f64 / done.as_secs_f64();
    eprintln!(
        "   {total} messages queued in {queued:.1} s; all sent {:.1} s after execute: {} messages/s end to end; RSS peak {:.0} MiB",
        done.as_secs_f64(),
        fmt_num(rate),
        peak as f64 / 1048576.0
    );
    if sent != total {
        bail!("{sent} of {total} messages sent: {progress}");
    }
    Ok(format!(
        "\n- campaign delivery ({transport} transport): {total} recipients queued in {queued:.1} s ({} messages/s); every message sent {:.1} s after execute, {} messages/s end to end (queueing and sending overlap); server RSS peak {:.0} MiB during it\n",
        fmt_num(total as f64 / queued.max(0.001)),
        done.as_secs_f64(),
        fmt_num(rate),
        peak as f64 / 1048576.0
    ))
}

/// The name of the export and import step in `--only`.
const BULK: &str = "export and import";

/// Exports every contact as CSV (time to the first byte and to the end), then imports
/// `rows` CSV rows in upsert mode, half of them changes to exported contacts and half new
/// ones, and waits for the job: the rate, and the server's RSS before and at its peak.
async fn bulk(srv: &Server, ctx: &Ctx, rows: usize) -> anyhow::Result<String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    eprintln!("== export and import");
    // The first byte, on a connection of its own.
    let started = Instant::now();
    let mut tcp = tokio::net::TcpStream::connect(&srv.addr).await?;
    let head = format!(
        "GET /api/contacts/export HTTP/1.1\r\nHost: {}\r\nAuthorization: Bearer {}\r\nConnection: close\r\n\r\n",
        srv.addr, ctx.key
    );
    tcp.write_all(head.as_bytes()).await?;
    let mut first = [0u8; 1];
    tcp.read_exact(&mut first).await?;
    let first_byte = started.elapsed();
    drop(tcp);
    let mut conn = Conn::new(&srv.addr);
    let started = Instant::now();
    let export = conn.send(&Request::get("/api/contacts/export").bearer(&ctx.key)).await?;
    let export_secs = started.elapsed().as_secs_f64();
    if export.status != 200 {
        bail!("export failed: {} {}", export.status, export.text());
    }
    let text = String::from_utf8_lossy(&export.body);
    let exported = text.lines().count().saturating_sub(1);
    eprintln!("   export: {exported} contacts in {export_secs:.1} s (first byte {} ms)", first_byte.as_millis());
    // Half changes (the first exported contacts get a new title), half new contacts.
    let mut csv = String::from("email,first_name,last_name,title,status,tags\n");
    let existing: Vec<&str> = text.lines().skip(1).filter_map(|l| l.split(',').nth(1)).take(rows / 2).collect();
    for email in &existing {
        csv.push_str(&format!("{email},,,Imported {},,\n", ctx.run));
    }
    for i in 0..rows - existing.len() {
        csv.push_str(&format!("import-{}-{i}@bench.example,First{i},Last{i},Title,lead,imported;bench\n", ctx.run));
    }
    // The duplicate scan over every contact, from the first change event.
    let started = Instant::now();
    let reply = conn
        .send(
            &Request::raw("POST", "/api/contacts/duplicates/scan", "application/json", b"{}".to_vec()).bearer(&ctx.key),
        )
        .await?;
    if reply.status != 202 {
        bail!("rescan failed: {} {}", reply.status, reply.text());
    }
    let scanned = loop {
        tokio::time::sleep(Duration::from_millis(500)).await;
        let progress = conn.send(&Request::get("/api/contacts/duplicates/scan").bearer(&ctx.key)).await?.json()?;
        if progress["status"] == "current" || started.elapsed() > Duration::from_secs(1800) {
            break progress;
        }
    };
    let scan_secs = started.elapsed().as_secs_f64();
    let pairs = conn.send(&Request::get("/api/contacts/duplicates?limit=500").bearer(&ctx.key)).await?.json()?;
    let pairs = pairs["data"].as_array().map_or(0, Vec::len);
    eprintln!(
        "   duplicate scan: {} change events in {scan_secs:.1} s ({} pairs on the first page)",
        scanned["total"], pairs
    );
    // The change feed from its start, as an integration catching up would read it.
    let started = Instant::now();
    let (feed_end, feed_events) = follow_feed(&mut conn, &ctx.key, 0, usize::MAX).await?;
    let feed_secs = started.elapsed().as_secs_f64();
    eprintln!("   change feed: {feed_events} events read in {feed_secs:.1} s");
    let (rss_before, _) = srv.memory()?;
    let peak = sample_rss(srv.pid());
    let started = Instant::now();
    let reply = conn
        .send(&Request::raw("POST", "/api/imports/contacts", "text/csv", csv.into_bytes()).bearer(&ctx.key))
        .await?;
    if reply.status != 202 {
        bail!("import upload failed: {} {}", reply.status, reply.text());
    }
    let upload_secs = started.elapsed().as_secs_f64();
    let id = reply.json()?["id"].as_str().context("no job id")?.to_string();
    let job = loop {
        tokio::time::sleep(Duration::from_millis(200)).await;
        let job = conn.send(&Request::get(format!("/api/imports/{id}")).bearer(&ctx.key)).await?.json()?;
        if !matches!(job["status"].as_str(), Some("queued" | "running")) {
            break job;
        }
    };
    let import_secs = started.elapsed().as_secs_f64();
    let peak = peak.finish();
    if job["status"] != "completed" {
        bail!("import ended {}: {job}", job["status"]);
    }
    let rate = rows as f64 / import_secs;
    eprintln!("   import: {rows} rows in {import_secs:.1} s ({} rows/s)", fmt_num(rate));
    // The import's events in the feed: numbered in the background, read after the job ends.
    let written = job["updated"].as_u64().unwrap_or(0) + job["imported"].as_u64().unwrap_or(0);
    let (_, followed) = follow_feed(&mut conn, &ctx.key, feed_end, written as usize).await?;
    let caught_up = started.elapsed().as_secs_f64() - import_secs;
    eprintln!("   change feed: the import's {followed} events all read {caught_up:.1} s after the job ended");
    Ok(format!(
        "\n- duplicate scan (`POST /api/contacts/duplicates/scan`, then until `current`): every contact event of {} change events in {scan_secs:.1} s, {} pairs on the first page\n\
         - change feed (`GET /api/changes?limit=500` from the start): {feed_events} events in {feed_secs:.1} s, {} events/s; the import's {followed} events were all in it {caught_up:.1} s after the job ended\n\
         - export (`GET /api/contacts/export`, CSV): {exported} contacts in {export_secs:.1} s, {:.0} MB; first byte after {} ms\n\
         - import (`POST /api/imports/contacts`, CSV, upsert): {rows} rows ({} changes to existing contacts, {} new; {} updated, {} imported, {} unchanged) in {import_secs:.1} s, {} rows/s (upload {upload_secs:.1} s); server RSS {:.0} MiB before, over the job (MiB, every 10 s): {peak}\n",
        scanned["total"],
        pairs,
        fmt_num(feed_events as f64 / feed_secs.max(1e-9)),
        export.body.len() as f64 / 1e6,
        first_byte.as_millis(),
        existing.len(),
        rows - existing.len(),
        job["updated"],
        job["imported"],
        job["unchanged"],
        fmt_num(rate),
        rss_before as f64 / 1048576.0,
    ))
}

/// Reads the change feed after `after` in pages of 500 until it is caught up and at least
/// `want` events were read (waiting for the sequencer when short); the last cursor and the count.
async fn follow_feed(conn: &mut Conn, key: &str, mut after: u64, want: usize) -> anyhow::Result<(u64, usize)> {
    let mut read = 0usize;
    let deadline = Instant::now() + Duration::from_secs(600);
    loop {
        let page = conn.send(&Request::get(format!("/api/changes?after={after}&limit=500")).bearer(key)).await?;
        if page.status != 200 {
            bail!("change feed failed: {} {}", page.status, page.text());
        }
        let page = page.json()?;
        match page["next_cursor"].as_str() {
            Some(next) => {
                after = next.parse()?;
                read += page["data"].as_array().map_or(0, Vec::len);
            }
            None if read >= want || want == usize::MAX => return Ok((after, read)),
            None if Instant::now() > deadline => bail!("the change feed stopped at {read} of {want} events"),
            None => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
}

/// Signs in, creates an API key, walks the table for sample contacts and deep cursors, and
/// creates one contact per connection for the PATCH runs.
async fn prepare(addr: &str, contacts: usize, connections: usize, stamp: u128) -> anyhow::Result<Ctx> {
    let mut conn = Conn::new(addr);
    let login = conn
        .send(&Request::json(
            "POST",
            "/api/auth/login",
            &json!({"email": server::ADMIN_EMAIL, "password": server::ADMIN_PASSWORD}),
        ))
        .await?;
    if login.status != 200 {
        bail!("sign-in failed: {} {}", login.status, login.text());
    }
    let token = login.json()?["token"].as_str().context("no token")?.to_string();
    let key_reply = conn
        .send(&Request::json("POST", "/api/api-keys", &json!({"name": "bench", "role": "admin"})).bearer(&token))
        .await?;
    if key_reply.status != 201 {
        bail!("creating an API key failed: {} {}", key_reply.status, key_reply.text());
    }
    let key = key_reply.json()?["key"].as_str().context("no key")?.to_string();

    // Walk the default order (newest first) past half of the table: a sample from every page,
    // and the cursors found beyond the middle are the "deep" pages.
    let (mut sample, mut deep_cursors, mut seen, mut cursor) = (Vec::new(), Vec::new(), 0usize, None::<String>);
    let walk_to = contacts * 6 / 10;
    loop {
        let mut path = "/api/contacts?limit=500".to_string();
        if let Some(c) = &cursor {
            path.push_str(&format!("&cursor={}", ops::encode(c)));
        }
        let page = conn.send(&Request::get(path).bearer(&key)).await?;
        if page.status != 200 {
            bail!("listing contacts failed: {} {}", page.status, page.text());
        }
        let body = page.json()?;
        let rows = body["data"].as_array().cloned().unwrap_or_default();
        for (i, row) in rows.iter().enumerate() {
            let email = row["email"].as_str().unwrap_or_default();
            // Contacts an earlier run's writes made (`Load7`, `patch-...@bench.example`, the
            // newest in a reused data set) are not the data the reads are meant to sample: their
            // names would turn "search by name" into a two-word search (`load`, `7`).
            if email.ends_with("@bench.example") {
                continue;
            }
            if i % 5 == 0 {
                sample.push(SampleContact {
                    id: row["id"].as_str().unwrap_or_default().to_string(),
                    email: email.to_string(),
                    first_name: row["first_name"].as_str().unwrap_or("ava").to_string(),
                    last_name: row["last_name"].as_str().unwrap_or("smith").to_string(),
                    company_id: row["company_id"].as_str().map(str::to_string),
                });
            }
            seen += 1;
        }
        cursor = body["next_cursor"].as_str().map(str::to_string);
        if seen >= contacts / 2 {
            if let Some(c) = &cursor {
                deep_cursors.push(c.clone());
            }
        }
        if cursor.is_none() || seen >= walk_to.max(1) {
            break;
        }
    }
    if sample.is_empty() {
        bail!("no contacts to sample: did the seed run?");
    }
    if deep_cursors.is_empty() {
        deep_cursors.push(cursor.unwrap_or_default());
    }
    let run = format!("{stamp:x}");
    let mut patch_ids = Vec::new();
    for w in 0..connections {
        let reply = conn
            .send(
                &Request::json(
                    "POST",
                    "/api/contacts",
                    &json!({"email": format!("patch-{run}-{w}@bench.example"), "first_name": "Patch", "last_name": "Target"}),
                )
                .bearer(&key),
            )
            .await?;
        if reply.status != 201 {
            bail!("creating PATCH targets failed: {} {}", reply.status, reply.text());
        }
        patch_ids.push(reply.json()?["id"].as_str().context("no id")?.to_string());
    }
    // One deal per connection for the stage moves, and open tasks for the signed-in admin.
    let mut deal_ids = Vec::new();
    for w in 0..connections {
        let reply = conn
            .send(&Request::json("POST", "/api/deals", &json!({"name": format!("Move target {run} {w}")})).bearer(&key))
            .await?;
        if reply.status != 201 {
            bail!("creating deals to move failed: {} {}", reply.status, reply.text());
        }
        deal_ids.push(reply.json()?["id"].as_str().context("no id")?.to_string());
    }
    let me = conn.send(&Request::get("/api/auth/me").bearer(&token)).await?;
    let admin_id = me.json()?["id"].as_str().context("no user id")?.to_string();
    for n in 0..MY_TASKS {
        // Due an hour apart around now: some overdue, some today, some later.
        let due = chrono::Utc::now() + chrono::Duration::hours(n as i64 - 20);
        let body = json!({"title": format!("Bench task {n}"), "due_at": due.to_rfc3339()});
        let reply = conn.send(&Request::json("POST", "/api/tasks", &body).bearer(&token)).await?;
        if reply.status != 201 {
            bail!("creating tasks failed: {} {}", reply.status, reply.text());
        }
    }
    let segment = conn
        .send(
            &Request::json(
                "POST",
                "/api/segments",
                &json!({"name": format!("Bench {run}"), "filter": ops::segment_filter()}),
            )
            .bearer(&key),
        )
        .await?;
    if segment.status != 201 {
        bail!("saving the segment failed: {} {}", segment.status, segment.text());
    }
    let segment_id = segment.json()?["id"].as_str().context("no segment id")?.to_string();
    // An upcoming event with 200 guests for the event operations.
    let starts = chrono::Utc::now() + chrono::Duration::days(14);
    let body = json!({"name": format!("Bench workshop {run}"), "starts_at": starts.to_rfc3339(),
        "ends_at": (starts + chrono::Duration::hours(3)).to_rfc3339(), "capacity": 150});
    let event = conn.send(&Request::json("POST", "/api/events", &body).bearer(&key)).await?;
    if event.status != 201 {
        bail!("creating the bench event failed: {} {}", event.status, event.text());
    }
    let event_id = event.json()?["id"].as_str().context("no event id")?.to_string();
    let guests: Vec<&str> = sample.iter().rev().take(200).map(|s| s.id.as_str()).collect();
    let invited = conn
        .send(
            &Request::json("POST", format!("/api/events/{event_id}/invite"), &json!({"contact_ids": guests}))
                .bearer(&key),
        )
        .await?;
    if invited.status != 200 {
        bail!("inviting the bench event's guests failed: {} {}", invited.status, invited.text());
    }
    // A published landing page for the visitors' operation.
    let page = conn
        .send(
            &Request::json(
                "POST",
                "/api/landing-pages/generate",
                &json!({"brief": "Invite our customers to the bench workshop.", "slug": format!("bench-{run}")}),
            )
            .bearer(&key),
        )
        .await?;
    if page.status != 201 {
        bail!("writing the bench landing page failed: {} {}", page.status, page.text());
    }
    let page = page.json()?;
    let page_id = page["id"].as_str().context("no page id")?.to_string();
    let page_slug = page["slug"].as_str().context("no slug")?.to_string();
    let published = conn
        .send(&Request::json("POST", format!("/api/landing-pages/{page_id}/publish"), &json!({})).bearer(&key))
        .await?;
    if published.status != 200 {
        bail!("publishing the bench landing page failed: {} {}", published.status, published.text());
    }
    Ok(Ctx {
        token,
        key,
        sample,
        deep_cursors,
        patch_ids,
        run,
        deal_ids,
        admin_id,
        segment_id,
        event_id,
        page_slug,
        contacts,
        custom: None,
        region: None,
        object: None,
        member: None,
    })
}

/// Open tasks the bench admin gets (the rest of the seeded tasks belong to nobody).
const MY_TASKS: usize = 120;

/// Runs `op` over `connections` keep-alive connections for `duration`.
/// `op` at `connections` (for its rate), then at `low` (for its latency).
async fn drive_pair(
    addr: &str,
    ctx: Arc<Ctx>,
    op: Op,
    connections: usize,
    low: usize,
    per_op: Duration,
) -> (Measured, Measured) {
    let m = drive_http(addr, ctx.clone(), op, connections, per_op).await;
    (m, drive_http(addr, ctx, op, low, per_op).await)
}

async fn drive_http(addr: &str, ctx: Arc<Ctx>, op: Op, connections: usize, duration: Duration) -> Measured {
    static PASS: AtomicU64 = AtomicU64::new(0);
    let pass = PASS.fetch_add(1, Ordering::Relaxed) as u32;
    let started = Instant::now();
    let deadline = started + duration;
    let mut tasks = Vec::with_capacity(connections);
    for index in 0..connections {
        let (ctx, addr) = (ctx.clone(), addr.to_string());
        tasks.push(tokio::spawn(async move {
            let mut conn = Conn::new(&addr);
            let mut w = Worker { index, pass, ..Worker::default() };
            let mut m = Measured::default();
            if op.tracks_version() {
                w.version = target_version(&mut conn, &ctx, op, index).await;
            }
            while Instant::now() < deadline {
                let req = op.request(&ctx, &w);
                let t = Instant::now();
                let result = conn.send(&req).await;
                let took = t.elapsed();
                match result {
                    Ok(reply) if reply.status == op.expected_status() => {
                        m.ok += 1;
                        m.latencies_us.push(took.as_micros().min(u32::MAX as u128) as u32);
                        op.observe(&reply, &mut w);
                    }
                    Ok(reply) => {
                        m.failed += 1;
                        m.first_failure
                            .get_or_insert_with(|| format!("{} {}: {}", reply.status, req.path, reply.text()));
                    }
                    Err(e) => {
                        m.failed += 1;
                        m.first_failure.get_or_insert_with(|| format!("{}: {e}", req.path));
                    }
                }
                w.i += 1;
            }
            m
        }));
    }
    collect(tasks, started).await
}

/// Runs the in-process version of `op` on `tasks` concurrent tasks for `duration`.
async fn drive_in_process(
    state: &crm::state::AppState,
    ctx: Arc<Ctx>,
    op: Op,
    tasks: usize,
    duration: Duration,
) -> Measured {
    let started = Instant::now();
    let deadline = started + duration;
    let mut handles = Vec::with_capacity(tasks);
    for index in 0..tasks {
        let (ctx, state) = (ctx.clone(), state.clone());
        handles.push(tokio::spawn(async move {
            let mut w = Worker { index, ..Worker::default() };
            let mut m = Measured::default();
            while Instant::now() < deadline {
                let t = Instant::now();
                match op.in_process(&ctx, &state, &mut w).await {
                    Ok(()) => {
                        m.ok += 1;
                        m.latencies_us.push(t.elapsed().as_micros().min(u32::MAX as u128) as u32);
                    }
                    Err(e) => {
                        m.failed += 1;
                        m.first_failure.get_or_insert(e);
                    }
                }
                w.i += 1;
            }
            m
        }));
    }
    collect(handles, started).await
}

/// Tasks of the raw database measurement (as ARCHITECTURE.md's reference figure).
const RAW_TASKS: usize = 8;

/// Create + change event transactions per second on the datastore itself: two plain rows in one
/// transaction, no index and no API: the ceiling an API create is compared with.
async fn raw_create_rate(db: &crm::db::Db, tasks: usize, duration: Duration) -> anyhow::Result<f64> {
    let started = Instant::now();
    let deadline = started + duration;
    let mut handles = Vec::with_capacity(tasks);
    for t in 0..tasks {
        let db = db.clone();
        handles.push(tokio::spawn(async move {
            let mut n = 0u64;
            while Instant::now() < deadline {
                let vars = json!({
                    "c": {"email": format!("raw-{t}-{n}@bench.example"), "first_name": "Raw", "status": "lead", "version": 1},
                    "e": {"entity": "raw_contact", "version": 1, "kind": "created", "changes": {"first_name": {"new": "Raw"}}},
                });
                let sql = "BEGIN; LET $r = (CREATE raw_contact CONTENT $c RETURN VALUE id); \
                           CREATE raw_event CONTENT $e RETURN NONE; COMMIT;";
                if db.query(sql).bind(vars).await.and_then(|r| r.check()).is_ok() {
                    n += 1;
                }
            }
            n
        }));
    }
    let mut done = 0u64;
    for h in handles {
        done += h.await.unwrap_or(0);
    }
    let rate = done as f64 / started.elapsed().as_secs_f64();
    db.query("REMOVE TABLE IF EXISTS raw_contact; REMOVE TABLE IF EXISTS raw_event;").await?.check()?;
    Ok(rate)
}

/// Samples a process's RSS every second in the background.
struct RssSampler {
    samples: Arc<std::sync::Mutex<Vec<u64>>>,
    task: tokio::task::JoinHandle<()>,
}

fn sample_rss(pid: u32) -> RssSampler {
    let samples = Arc::new(std::sync::Mutex::new(Vec::new()));
    let into = samples.clone();
    let task = tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        loop {
            tick.tick().await;
            let Ok((rss, _)) = server::memory(pid) else { return };
            into.lock().map(|mut s| s.push(rss)).ok();
        }
    });
    RssSampler { samples, task }
}

impl RssSampler {
    /// Stops sampling; every tenth sample in MiB, e.g. `412 455 470 ... (max 512)`.
    fn finish(self) -> String {
        self.task.abort();
        let samples = self.samples.lock().map(|s| s.clone()).unwrap_or_default();
        let mib = |b: u64| format!("{:.0}", b as f64 / 1048576.0);
        let series: Vec<String> = samples.iter().step_by(10).map(|b| mib(*b)).collect();
        let max = samples.iter().max().copied().unwrap_or(0);
        format!("{} (max {})", series.join(" "), mib(max))
    }
}

/// Waits for every worker and merges what they measured.
async fn collect(workers: Vec<tokio::task::JoinHandle<Measured>>, started: Instant) -> Measured {
    let mut parts = Vec::with_capacity(workers.len());
    for w in workers {
        if let Ok(m) = w.await {
            parts.push(m);
        }
    }
    Measured::merge(parts, started.elapsed())
}

/// The current version of worker `index`'s PATCH target (0 when it cannot be read).
async fn target_version(conn: &mut Conn, ctx: &Ctx, op: Op, index: usize) -> i64 {
    let get = Request::get(op.target(ctx, index)).bearer(&ctx.key);
    conn.send(&get).await.ok().and_then(|r| r.version()).unwrap_or(0)
}

/// Mixed load for `duration`, sampling throughput and RSS; the report, and what went wrong (failed
/// requests, or RSS more than 25% higher in the second half than in the first).
async fn soak(
    srv: &Server,
    ctx: Arc<Ctx>,
    connections: usize,
    duration: Duration,
    read_only: bool,
) -> anyhow::Result<(String, Option<String>)> {
    let all = [
        Op::Get,
        Op::ListFirst,
        Op::Filter,
        Op::SearchName,
        Op::Create,
        Op::Patch,
        Op::TimelineAppend,
        Op::TimelineRead,
        Op::History,
        Op::ListDeep,
        Op::AuthToken,
    ];
    let writes = [Op::Create, Op::Patch, Op::TimelineAppend];
    let mix: Arc<Vec<Op>> = Arc::new(all.into_iter().filter(|op| !read_only || !writes.contains(op)).collect());
    let done = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + duration;
    let mut tasks = Vec::new();
    for index in 0..connections {
        let (ctx, addr, done, failed, mix) = (ctx.clone(), srv.addr.clone(), done.clone(), failed.clone(), mix.clone());
        tasks.push(tokio::spawn(async move {
            let mut conn = Conn::new(&addr);
            let mut w = Worker { index, ..Worker::default() };
            w.version = target_version(&mut conn, &ctx, Op::Patch, index).await;
            while Instant::now() < deadline {
                let op = mix[(w.i as usize + index) % mix.len()];
                match conn.send(&op.request(&ctx, &w)).await {
                    Ok(reply) if reply.status == op.expected_status() => {
                        op.observe(&reply, &mut w);
                        done.fetch_add(1, Ordering::Relaxed);
                    }
                    _ => {
                        failed.fetch_add(1, Ordering::Relaxed);
                    }
                }
                w.i += 1;
            }
        }));
    }
    let interval = (duration / 20).clamp(Duration::from_secs(1), Duration::from_secs(30));
    let started = Instant::now();
    let mut samples: Vec<(f64, f64, f64)> = Vec::new(); // (seconds, req/s, RSS MiB)
    let mut last = (Instant::now(), 0u64);
    let mut report = String::from("| elapsed s | req/s | RSS MiB |\n|---:|---:|---:|\n");
    while Instant::now() < deadline {
        tokio::time::sleep(interval.min(deadline.saturating_duration_since(Instant::now()))).await;
        let now = done.load(Ordering::Relaxed);
        let rate = (now - last.1) as f64 / last.0.elapsed().as_secs_f64().max(1e-9);
        last = (Instant::now(), now);
        let rss = srv.memory()?.0 as f64 / 1048576.0;
        let t = started.elapsed().as_secs_f64();
        eprintln!("   {t:>7.0} s  {rate:>8.0} req/s  RSS {rss:>7.1} MiB");
        report.push_str(&format!("| {t:.0} | {rate:.0} | {rss:.1} |\n"));
        samples.push((t, rate, rss));
    }
    for t in tasks {
        let _ = t.await;
    }
    let (ok, bad) = (done.load(Ordering::Relaxed), failed.load(Ordering::Relaxed));
    let half = samples.len() / 2;
    let first_half_max = samples[..half.max(1)].iter().map(|s| s.2).fold(0.0, f64::max);
    let second_half_max = samples[half..].iter().map(|s| s.2).fold(0.0, f64::max);
    let growth = if first_half_max > 0.0 { 100.0 * (second_half_max - first_half_max) / first_half_max } else { 0.0 };
    let (_, peak) = srv.memory()?;
    report.push_str(&format!(
        "\n{ok} requests ({bad} failed) in {:.0} s, {connections} connections, {}. RSS peak {:.0} MiB; highest RSS in the second half is {growth:+.1}% against the first half.\n",
        started.elapsed().as_secs_f64(),
        if read_only { "reads only" } else { "mixed reads and writes (3 of 11 operations write)" },
        peak as f64 / 1048576.0
    ));
    let problem = if bad > 0 {
        Some(format!("{bad} requests failed during the soak"))
    } else if growth > 25.0 {
        Some(format!("RSS grew {growth:.1}% between the halves of the soak"))
    } else {
        None
    };
    Ok((report, problem))
}

/// Starts a SurrealDB server on loopback with its data on disk in `dir`.
async fn start_surreal(bin: &std::path::Path, dir: &std::path::Path) -> anyhow::Result<(Database, SurrealProcess)> {
    let port = server::free_port()?;
    let child = Command::new(bin)
        .args(["start", "--bind", &format!("127.0.0.1:{port}"), "--user", "root", "--pass", "root", "--log", "warn"])
        .arg(format!("surrealkv://{}", dir.join("surreal.db").display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .with_context(|| format!("starting {}", bin.display()))?;
    let process = SurrealProcess(child);
    let deadline = Instant::now() + Duration::from_secs(60);
    let addr = format!("127.0.0.1:{port}");
    loop {
        if let Ok(reply) = Conn::new(&addr).send(&Request::get("/health")).await {
            if reply.status == 200 {
                break;
            }
        }
        if Instant::now() > deadline {
            bail!("SurrealDB did not answer /health within 60 s");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    eprintln!("== SurrealDB server on {addr}");
    let db = Database {
        url: format!("ws://{addr}"),
        user: Some("root".into()),
        pass: Some("root".into()),
        name: "crm".into(),
    };
    Ok((db, process))
}

/// `90s`, `10m`, `1h`, or plain seconds.
fn parse_duration(s: &str) -> anyhow::Result<Duration> {
    let s = s.trim();
    let (num, unit) = s.split_at(s.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(s.len()));
    let n: f64 = num.parse().with_context(|| format!("bad duration {s:?}"))?;
    let secs = match unit {
        "" | "s" => n,
        "m" => n * 60.0,
        "h" => n * 3600.0,
        _ => bail!("bad duration unit in {s:?} (use s, m or h)"),
    };
    Ok(Duration::from_secs_f64(secs))
}

fn utc_now() -> String {
    crm::domain::ids::format_ts(crm::domain::ids::now())
}

fn append_results(path: &std::path::Path, section: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new().create(true).append(true).open(path)?;
    writeln!(f, "\n{section}")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_durations() {
        assert_eq!(parse_duration("90s").expect("s"), Duration::from_secs(90));
        assert_eq!(parse_duration("10m").expect("m"), Duration::from_secs(600));
        assert_eq!(parse_duration("2").expect("bare"), Duration::from_secs(2));
        assert!(parse_duration("5 weeks").is_err());
    }
}
