//! A small SMTP server on loopback that keeps every message it accepts: what the delivery
//! tests and `just bench` send campaign email to. It can refuse chosen recipients, for good
//! (550) or for now (451).

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// One accepted message.
#[derive(Debug, Clone)]
pub struct Received {
    /// `RCPT TO` addresses.
    pub to: Vec<String>,
    /// The message as sent (headers and body).
    pub data: String,
}

/// What the sink holds and how it answers.
#[derive(Default)]
struct Shared {
    received: Vec<Received>,
    refuse_for_good: Vec<String>,
    refuse_for_now: Vec<String>,
    keep_data: bool,
    accepted: u64,
}

/// A running sink.
#[derive(Clone)]
pub struct SmtpSink {
    /// `smtp://127.0.0.1:<port>`.
    pub url: String,
    shared: Arc<Mutex<Shared>>,
}

impl SmtpSink {
    /// Starts a sink on a free loopback port; `keep_data` keeps each message (else only counts).
    pub async fn start(keep_data: bool) -> std::io::Result<SmtpSink> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let url = format!("smtp://{}", listener.local_addr()?);
        let shared = Arc::new(Mutex::new(Shared { keep_data, ..Default::default() }));
        let state = shared.clone();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let state = state.clone();
                tokio::spawn(async move {
                    let _ = session(socket, state).await;
                });
            }
        });
        Ok(SmtpSink { url, shared })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Shared> {
        self.shared.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Answers 550 to `RCPT TO` this address.
    pub fn refuse_for_good(&self, address: &str) {
        self.lock().refuse_for_good.push(address.to_lowercase());
    }

    /// Answers 451 to `RCPT TO` this address.
    pub fn refuse_for_now(&self, address: &str) {
        self.lock().refuse_for_now.push(address.to_lowercase());
    }

    /// The messages accepted so far (with `keep_data`).
    pub fn received(&self) -> Vec<Received> {
        self.lock().received.clone()
    }

    /// How many messages were accepted.
    pub fn accepted(&self) -> u64 {
        self.lock().accepted
    }
}

fn address(arg: &str) -> String {
    let start = arg.find('<').map_or(0, |i| i + 1);
    let end = arg.rfind('>').unwrap_or(arg.len());
    arg.get(start..end).unwrap_or("").trim().to_lowercase()
}

async fn session(socket: tokio::net::TcpStream, state: Arc<Mutex<Shared>>) -> std::io::Result<()> {
    let (read, mut write) = socket.into_split();
    let mut lines = BufReader::new(read);
    write.write_all(b"220 sink ESMTP ready\r\n").await?;
    let mut to = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_string();
        let verb = command.split_whitespace().next().unwrap_or("").to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" => b"250-sink\r\n250-PIPELINING\r\n250 8BITMIME\r\n",
            "HELO" | "NOOP" => b"250 ok\r\n",
            "MAIL" => {
                to.clear();
                b"250 ok\r\n"
            }
            "RSET" => {
                to.clear();
                b"250 ok\r\n"
            }
            "RCPT" => {
                let rcpt = address(command.get(8..).unwrap_or(""));
                let s = state.lock().unwrap_or_else(|e| e.into_inner());
                if s.refuse_for_good.contains(&rcpt) {
                    b"550 5.1.1 no such user\r\n"
                } else if s.refuse_for_now.contains(&rcpt) {
                    b"451 4.3.0 try again later\r\n"
                } else {
                    drop(s);
                    to.push(rcpt);
                    b"250 ok\r\n"
                }
            }
            "DATA" => {
                write.write_all(b"354 go ahead\r\n").await?;
                let mut data = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await? == 0 {
                        return Ok(());
                    }
                    if line == ".\r\n" || line == ".\n" {
                        break;
                    }
                    data.push_str(line.strip_prefix('.').filter(|_| line.starts_with("..")).unwrap_or(&line));
                }
                let mut s = state.lock().unwrap_or_else(|e| e.into_inner());
                s.accepted += 1;
                if s.keep_data {
                    s.received.push(Received { to: std::mem::take(&mut to), data });
                }
                b"250 queued\r\n"
            }
            "QUIT" => {
                write.write_all(b"221 bye\r\n").await?;
                return Ok(());
            }
            _ => b"502 not implemented\r\n",
        };
        write.write_all(reply).await?;
    }
}
