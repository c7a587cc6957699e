//! Runs each script in `benches/js/` under actorjs and under whatever peers are installed (node,
//! bun, deno) in one run, and prints medians and ratios against node.
//!
//! ```text
//! cargo build --release -p boa_host && cargo run --release -p actorjs-benches --bin jsbench [filter] [--runs N]
//! ```
//!
//! For each script it reports wall time and peak RSS of the whole process (median of the runs),
//! plus any metric the script prints as `BENCH <name> <value> <unit>`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Metrics a script printed, by name: value and unit.
type Metrics = BTreeMap<String, (f64, String)>;

/// One runtime's medians for a script: name, wall ms, peak RSS KiB, metrics.
type Row = (String, f64, f64, Metrics);

struct Sample {
    wall_ms: f64,
    rss_kb: f64,
    metrics: Metrics,
}

fn find(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(name))
        .find(|p| p.is_file())
}

fn run_once(cmd: &[String], script: &Path, args: &[String]) -> Option<Sample> {
    let start = Instant::now();
    let mut child = Command::new(&cmd[0])
        .args(&cmd[1..])
        .arg(script)
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::inherit())
        .spawn()
        .ok()?;
    let stdout = child.stdout.take()?;
    let pid = child.id() as libc_pid;
    let reader = std::thread::spawn(move || std::io::read_to_string(stdout).unwrap_or_default());
    let (status, rss_kb) = wait_rusage(pid)?;
    let wall_ms = start.elapsed().as_secs_f64() * 1e3;
    let out = reader.join().ok()?;
    if status != 0 {
        eprintln!(
            "{} {} exited with {status}",
            cmd.join(" "),
            script.display()
        );
        return None;
    }
    let mut metrics = BTreeMap::new();
    for line in out.lines() {
        let mut parts = line.split_whitespace();
        if parts.next() == Some("BENCH")
            && let (Some(name), Some(value), unit) = (parts.next(), parts.next(), parts.next())
            && let Ok(v) = value.parse::<f64>()
        {
            metrics.insert(name.to_string(), (v, unit.unwrap_or("").to_string()));
        }
    }
    Some(Sample {
        wall_ms,
        rss_kb,
        metrics,
    })
}

#[allow(non_camel_case_types, reason = "mirrors the C type")]
type libc_pid = i32;

/// Waits for `pid` and returns its exit status and peak RSS (KiB), from `wait4`.
fn wait_rusage(pid: libc_pid) -> Option<(i32, f64)> {
    unsafe extern "C" {
        fn wait4(pid: i32, status: *mut i32, options: i32, rusage: *mut [i64; 18]) -> i32;
    }
    let mut status = 0;
    let mut ru = [0i64; 18];
    // SAFETY: `status` and `ru` are valid for writes; `ru` is at least as large as `struct
    // rusage` on 64-bit Linux (two timevals, then fourteen longs), and ru_maxrss is its third
    // field after the two timevals (index 4).
    let r = unsafe { wait4(pid, &mut status, 0, &mut ru) };
    if r != pid {
        return None;
    }
    let code = if status & 0x7f == 0 {
        (status >> 8) & 0xff
    } else {
        128 + (status & 0x7f)
    };
    Some((code, ru[4] as f64))
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// A tree of 200 CommonJS modules below a root: 10 directories, each an index requiring 19
/// modules. Every module exports how many modules it stands for.
fn make_require_tree(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).unwrap();
    let mut root = String::from("let count = 0;\n");
    for d in 0..10 {
        let sub = dir.join(format!("d{d}"));
        std::fs::create_dir_all(&sub).unwrap();
        let mut index = String::from("let count = 1;\n");
        for m in 0..19 {
            std::fs::write(
                sub.join(format!("m{m}.js")),
                format!("'use strict';\nconst helper = (x) => x * {m};\nmodule.exports = {{ count: 1, helper }};\n"),
            )
            .unwrap();
            index.push_str(&format!("count += require('./m{m}').count;\n"));
        }
        index.push_str("module.exports = { count };\n");
        std::fs::write(sub.join("index.js"), index).unwrap();
        root.push_str(&format!("count += require('./d{d}').count;\n"));
    }
    root.push_str("module.exports = { count };\n");
    std::fs::write(dir.join("index.js"), root).unwrap();
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runs: usize = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(7);
    let filter = args
        .iter()
        .find(|a| !a.starts_with("--") && a.parse::<usize>().is_err())
        .cloned();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let actorjs = root.join("../target/release/actorjs");
    let mut runtimes: Vec<(String, Vec<String>)> =
        vec![("actorjs".into(), vec![actorjs.display().to_string()])];
    for (name, bin, extra) in [
        ("node", "node", vec![]),
        ("bun", "bun", vec![]),
        ("deno", "deno", vec!["run".to_string(), "-A".to_string()]),
    ] {
        if let Some(p) = find(bin) {
            let mut cmd = vec![p.display().to_string()];
            cmd.extend(extra);
            runtimes.push((name.to_string(), cmd));
        }
    }
    let tmp = std::env::temp_dir().join(format!("actorjs-jsbench-{}", std::process::id()));
    make_require_tree(&tmp.join("tree"));
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(root.join("js"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "js"))
        .collect();
    scripts.sort();
    if let Some(f) = &filter {
        scripts.retain(|p| p.to_string_lossy().contains(f.as_str()));
    }
    println!("{runs} runs each; medians; ratio = actorjs / node (lower is better for actorjs)\n");
    for script in scripts {
        let name = script.file_stem().unwrap().to_string_lossy().to_string();
        let script_args = if name == "require_tree" {
            vec![tmp.join("tree").display().to_string()]
        } else {
            vec![]
        };
        println!("{name}");
        let mut table: Vec<Row> = Vec::new();
        let mut these = runtimes.clone();
        if name == "fs_authority" {
            // The same script with least authority: only its own directory granted.
            let dir = root.join("js").display().to_string();
            these.insert(
                1,
                (
                    "actorjs-least".into(),
                    vec![actorjs.display().to_string(), format!("--allow-read={dir}")],
                ),
            );
        }
        for (rt, cmd) in &these {
            let samples: Vec<Sample> = (0..runs)
                .filter_map(|_| run_once(cmd, &script, &script_args))
                .collect();
            if samples.is_empty() {
                println!("  {rt:8} failed");
                continue;
            }
            let wall = median(samples.iter().map(|s| s.wall_ms).collect());
            let rss = median(samples.iter().map(|s| s.rss_kb).collect());
            let mut metrics = BTreeMap::new();
            for key in samples[0].metrics.keys() {
                let vals: Vec<f64> = samples
                    .iter()
                    .filter_map(|s| s.metrics.get(key).map(|m| m.0))
                    .collect();
                metrics.insert(
                    key.clone(),
                    (median(vals), samples[0].metrics[key].1.clone()),
                );
            }
            table.push((rt.clone(), wall, rss, metrics));
        }
        let node = table.iter().find(|r| r.0 == "node").cloned();
        for (rt, wall, rss, metrics) in &table {
            let ratio = |mine: f64, theirs: Option<f64>| {
                theirs
                    .map(|t| format!(" ({:.2}x)", mine / t))
                    .unwrap_or_default()
            };
            print!(
                "  {rt:8} wall {wall:8.2} ms{}  rss {:7.1} MB{}",
                ratio(*wall, node.as_ref().map(|n| n.1)),
                rss / 1024.0,
                ratio(*rss, node.as_ref().map(|n| n.2))
            );
            for (k, (v, unit)) in metrics {
                let theirs = node.as_ref().and_then(|n| n.3.get(k)).map(|m| m.0);
                print!("  {k} {v:.3} {unit}{}", ratio(*v, theirs));
            }
            println!();
        }
        // Least authority against full authority, from the same run.
        let full = table.iter().find(|r| r.0 == "actorjs");
        if let (Some(least), Some(full)) = (table.iter().find(|r| r.0 == "actorjs-least"), full) {
            print!("  least/full");
            for (k, (v, _)) in &least.3 {
                if let Some((f, _)) = full.3.get(k) {
                    print!("  {k} {:.3}x", v / f);
                }
            }
            println!();
        }
        println!();
    }
    let _ = std::fs::remove_dir_all(&tmp);
}
