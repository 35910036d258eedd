//! Benchmark: how long native analysis takes on each seed article and on large pastes.
//! Run with `cargo run --release --example bench` (scripts/bench.sh also prints bundle sizes).

use sourcelight::article::AnnotatedArticle;
use sourcelight::{annotation, SEED_ARTICLES};
use std::time::{Duration, Instant};

/// Median wall time of `runs` calls of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn main() {
    // Build the rule matcher once, as the app does at start-up, and time it separately.
    let start = Instant::now();
    let warm = AnnotatedArticle::analyze("warm up", None);
    println!(
        "rule packs parsed and compiled: {:.1} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
    drop(warm);

    println!("| input | size | findings | analyse (median) | export JSON (median) |");
    println!("|---|---|---|---|---|");
    let mut inputs: Vec<(String, String)> = SEED_ARTICLES
        .iter()
        .enumerate()
        .map(|(i, (title, text))| (format!("seed {i}: {title}"), text.to_string()))
        .collect();
    let all_seeds: String = SEED_ARTICLES
        .iter()
        .map(|(_, t)| *t)
        .collect::<Vec<_>>()
        .join("\n\n");
    for megabytes in [1usize, 10] {
        let mut big = String::with_capacity(megabytes << 20);
        while big.len() < megabytes << 20 {
            big.push_str(&all_seeds);
            big.push_str("\n\n");
        }
        inputs.push((format!("seeds repeated to {megabytes} MB"), big));
    }
    // Adversarial pastes: each must stay roughly linear.
    for (name, piece, copies) in [
        ("adversarial: lone digits, 10 MB", "1 ", 5_000_000),
        ("adversarial: dotted run, 2 MB", "1.", 1_000_000),
        ("adversarial: quote marks, 2 MB", "“x” said ", 200_000),
        ("adversarial: Chinese numerals, 9 MB", "百", 3_000_000),
    ] {
        inputs.push((name.to_string(), piece.repeat(copies)));
    }
    for (name, text) in &inputs {
        let runs = if text.len() > 1 << 20 { 3 } else { 50 };
        let mut article = None;
        let analyse = median(runs, || {
            article = Some(AnnotatedArticle::analyze(text, None))
        });
        let article = article.expect("ran at least once");
        let export = median(runs, || {
            std::hint::black_box(annotation::export(&article));
        });
        println!(
            "| {name} | {:.1} KB | {} | {:.2} ms | {:.2} ms |",
            text.len() as f64 / 1024.0,
            article.findings.len(),
            analyse.as_secs_f64() * 1e3,
            export.as_secs_f64() * 1e3
        );
    }
}
