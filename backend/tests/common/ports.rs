//! Ports for servers a test binds later (a child `crm`, a gRPC listener), shared by the test binaries.
//!
//! Binding port 0 and dropping the listener hands back a port that the kernel may give to the
//! very next `bind(0)` or outgoing connection, so two tests running at once could start servers on
//! one port, and one test's SIGKILL would then cut the other's requests. These ports come from
//! below the ephemeral range (32768 and up on Linux), and none is handed out twice in a process.

use std::collections::HashSet;
use std::sync::Mutex;

static HANDED_OUT: Mutex<Option<HashSet<u16>>> = Mutex::new(None);

/// A port no other caller in this process got, free when asked.
pub fn free_port() -> u16 {
    let mut handed_out = HANDED_OUT.lock().unwrap_or_else(|e| e.into_inner());
    let handed_out = handed_out.get_or_insert_with(HashSet::new);
    loop {
        let port = rand::random_range(20_000..32_000);
        if !handed_out.contains(&port) && std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            handed_out.insert(port);
            return port;
        }
    }
}
