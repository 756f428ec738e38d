//! Starting and stopping the real `crm` binary, and reading its CPU time and memory from `/proc`.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};

use crate::http::{Conn, Request};

/// How the bench reaches the database the server uses.
#[derive(Debug, Clone)]
pub struct Database {
    /// `surrealkv://...` or `ws://...`.
    pub url: String,
    /// Root user for a remote server.
    pub user: Option<String>,
    /// Root password for a remote server.
    pub pass: Option<String>,
    /// Database name (remote servers hold many).
    pub name: String,
}

impl Database {
    /// Environment for a `crm` process using this database.
    pub fn env(&self) -> Vec<(String, String)> {
        let mut env = vec![
            ("CRM__DATABASE__URL".to_string(), self.url.clone()),
            ("CRM__DATABASE__DATABASE".to_string(), self.name.clone()),
        ];
        if let (Some(u), Some(p)) = (&self.user, &self.pass) {
            env.push(("CRM__DATABASE__USERNAME".into(), u.clone()));
            env.push(("CRM__DATABASE__PASSWORD".into(), p.clone()));
        }
        env
    }

    /// Settings for opening this database in-process.
    pub fn settings(&self) -> anyhow::Result<crm::config::Settings> {
        let mut settings = crm::settings_for(&self.url)?;
        settings.database.database = self.name.clone();
        settings.database.username = self.user.clone();
        settings.database.password = self.pass.clone();
        Ok(settings)
    }
}

/// The admin the bench signs in as.
pub const ADMIN_EMAIL: &str = "bench-admin@example.com";
/// Its password.
pub const ADMIN_PASSWORD: &str = "bench-password-123";

/// A running `crm serve`.
pub struct Server {
    child: Child,
    /// `127.0.0.1:port`.
    pub addr: String,
    /// From spawn to the first healthy answer.
    pub startup: Duration,
}

/// A free loopback port (bound, then released).
pub fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

impl Server {
    /// Starts `crm` on `db` and waits until `/health` answers 200.
    pub async fn start(crm: &Path, db: &Database, extra_env: &[(&str, &str)]) -> anyhow::Result<Self> {
        let port = free_port()?;
        let started = Instant::now();
        let mut cmd = Command::new(crm);
        cmd.envs(db.env())
            .env("CRM__SERVER__HOST", "127.0.0.1")
            .env("CRM__SERVER__PORT", port.to_string())
            .env("CRM__AUTH__BOOTSTRAP_ADMIN_EMAIL", ADMIN_EMAIL)
            .env("CRM__AUTH__BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD)
            // The load comes from one address: the per-credential limit would measure itself.
            .env("CRM__LIMITS__REQUESTS_PER_SECOND", "1000000")
            // `BENCH_SERVER_LOG=<file>` (and `BENCH_SERVER_LOG_LEVEL`, e.g. `crm=debug`) keeps the
            // server's log, to see where a step spends its time.
            .env("CRM__LOG__LEVEL", std::env::var("BENCH_SERVER_LOG_LEVEL").unwrap_or_else(|_| "warn".into()))
            .stdin(Stdio::null())
            .stdout(match std::env::var("BENCH_SERVER_LOG") {
                Ok(path) => Stdio::from(std::fs::OpenOptions::new().create(true).append(true).open(path)?),
                Err(_) => Stdio::null(),
            })
            .stderr(Stdio::inherit());
        for (k, v) in extra_env {
            cmd.env(k, v);
        }
        let child = cmd.spawn().with_context(|| format!("starting {}", crm.display()))?;
        let addr = format!("127.0.0.1:{port}");
        let mut server = Self { child, addr, startup: Duration::ZERO };
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            if let Some(status) = server.child.try_wait()? {
                bail!("crm exited during start-up: {status}");
            }
            let mut conn = Conn::new(&server.addr);
            if let Ok(reply) = conn.send(&Request::get("/health")).await {
                if reply.status == 200 {
                    server.startup = started.elapsed();
                    return Ok(server);
                }
            }
            if Instant::now() > deadline {
                bail!("crm did not become healthy within 120 s");
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }

    /// Process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// CPU time (user + system) used so far.
    pub fn cpu(&self) -> anyhow::Result<Duration> {
        cpu_time(self.pid())
    }

    /// Resident set size now and at its peak, in bytes.
    pub fn memory(&self) -> anyhow::Result<(u64, u64)> {
        memory(self.pid())
    }

    /// SIGTERM, then wait for a clean exit.
    pub fn stop(mut self) -> anyhow::Result<()> {
        let _ = Command::new("kill").arg("-TERM").arg(self.pid().to_string()).status();
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait()? {
                if !status.success() {
                    bail!("crm exited with {status} after SIGTERM");
                }
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        self.child.kill()?;
        bail!("crm did not stop within 30 s of SIGTERM")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs `crm seed` against `db`; returns what it printed.
pub fn seed(
    crm: &Path,
    db: &Database,
    contacts: usize,
    companies: usize,
    [deals, cases, tasks]: [usize; 3],
) -> anyhow::Result<String> {
    let out = Command::new(crm)
        .envs(db.env())
        .env("CRM__LOG__LEVEL", "warn")
        .args(["seed", "--contacts", &contacts.to_string(), "--companies", &companies.to_string()])
        .args(["--deals", &deals.to_string(), "--cases", &cases.to_string(), "--tasks", &tasks.to_string()])
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("running {} seed", crm.display()))?;
    if !out.status.success() {
        bail!("crm seed failed: {}", out.status);
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Clock ticks per second for `/proc/<pid>/stat` times.
fn clock_ticks() -> u64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .unwrap_or(100)
}

/// User + system CPU time of a process.
pub fn cpu_time(pid: u32) -> anyhow::Result<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))?;
    // The command name may contain spaces; fields after its closing parenthesis are fixed.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).context("malformed /proc stat")?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11).and_then(|f| f.parse().ok()).unwrap_or(0)
        + fields.get(12).and_then(|f| f.parse::<u64>().ok()).unwrap_or(0);
    Ok(Duration::from_secs_f64(ticks as f64 / clock_ticks() as f64))
}

/// (VmRSS, VmHWM) of a process in bytes.
pub fn memory(pid: u32) -> anyhow::Result<(u64, u64)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u64>().ok())
            .map(|kib| kib * 1024)
            .unwrap_or(0)
    };
    Ok((field("VmRSS:"), field("VmHWM:")))
}

/// The `crm` binary next to this one (both are built by `cargo build --release`).
pub fn default_crm_binary() -> PathBuf {
    std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(|d| d.join("crm")))
        .unwrap_or_else(|| PathBuf::from("target/release/crm"))
}

/// Model name and core count of this machine, and its memory.
pub fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpu
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.trim().to_string())
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| m.lines().next().and_then(|l| l.split_whitespace().nth(1)).and_then(|v| v.parse::<u64>().ok()))
        .map(|kib| format!("{:.0} GiB", kib as f64 / 1024.0 / 1024.0))
        .unwrap_or_default();
    format!("{cores} cores ({model}), {mem} RAM")
}
