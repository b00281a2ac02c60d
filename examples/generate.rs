//! Writes a generated workspace for benchmarks and experiments:
//! `cargo run --release --example generate -- DIR TOUCHPOINTS JOURNEYS`.

#[path = "../benches/common/mod.rs"]
mod common;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(total), Some(journeys)) = (args.get(1), args.get(2), args.get(3)) else {
        return Err(std::io::Error::other(
            "usage: generate DIR TOUCHPOINTS JOURNEYS",
        ));
    };
    let total: usize = total.parse().map_err(std::io::Error::other)?;
    let journeys: usize = journeys.parse().map_err(std::io::Error::other)?;
    std::fs::create_dir_all(dir)?;
    for (name, text) in common::workspace(total, journeys) {
        std::fs::write(std::path::Path::new(dir).join(name), text)?;
    }
    Ok(())
}
