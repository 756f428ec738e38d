//! Compiles the gRPC contracts in `proto/crm/v1/` with protox (a pure-Rust protobuf compiler: no
//! system `protoc` needed) into tonic services and messages, plus the descriptor set that server
//! reflection serves.

use prost::Message;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../proto");
    let files = ["crm/v1/campaigns.proto", "crm/v1/analytics.proto", "crm/v1/notifications.proto"];
    for f in &files {
        println!("cargo:rerun-if-changed={}", root.join(f).display());
    }
    let fds = protox::compile(files, [&root])?;
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR")?);
    std::fs::write(out.join("crm_descriptor.bin"), fds.encode_to_vec())?;
    tonic_prost_build::configure().build_client(true).build_server(true).compile_fds(fds)?;
    Ok(())
}
