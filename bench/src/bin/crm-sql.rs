//! `crm-sql <database-url> <query> [repeat]`: runs SurrealQL against a crm database (the
//! server must be stopped for an embedded one) and prints the result and the time per run.
//! For looking at query plans: `crm-sql surrealkv://data/crm.db "SELECT * FROM contact
//! ORDER BY key DESC LIMIT 3 EXPLAIN"`.

use std::time::Instant;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(url), Some(query)) = (args.get(1), args.get(2)) else {
        anyhow::bail!("usage: crm-sql <database-url> <query> [repeat]");
    };
    let repeat: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(1).max(1);
    let settings = crm::settings_for(url)?;
    let db = crm::db::connect(&settings.database).await?;
    let mut times = Vec::with_capacity(repeat);
    let mut last = String::new();
    for _ in 0..repeat {
        let started = Instant::now();
        let mut response = db.query(query.as_str()).await?;
        let mut out = Vec::new();
        for i in 0..response.num_statements() {
            let value: surrealdb::types::Value = response.take(i)?;
            out.push(format!("{value:?}"));
        }
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        last = out.join("\n");
    }
    println!("{}", last.chars().take(4000).collect::<String>());
    times.sort_by(f64::total_cmp);
    println!(
        "runs: {repeat}, min {:.2} ms, median {:.2} ms, max {:.2} ms",
        times[0],
        times[repeat / 2],
        times[repeat - 1]
    );
    Ok(())
}
