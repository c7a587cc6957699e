//! The JS golden tests: every `tests/js/<area>/<name>.js` (or `.mjs`) runs under `actorjs` and its
//! output is compared with what node printed for it (`<name>.out`, recorded by
//! `tests/js/record.sh`). When node also wrote to stderr (`<name>.err`) or exited non-zero
//! (`<name>.code`), those are compared too; stderr is compared without stack frames, the source
//! excerpt node prints above an uncaught error, the version line and process ids, which differ
//! between runtimes and runs.
//!
//! `ACTORJS_GOLDEN=<substring>` runs only the tests whose path contains it.
//!
//! `tests/js/KNOWN_FAILURES` lists tests that are expected to fail, each with the reason; they
//! still run, and one that passes fails the run until it is taken off the list.

use std::path::{Path, PathBuf};

use actors::pool::{FileKind, ops};

/// A file's text, read with the actor layer's filesystem calls.
fn read_text(path: &Path) -> Option<String> {
    ops::read_file(path)
        .ok()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
}
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

fn tests_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/js")
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(mut entries) = ops::read_dir(dir) else {
        return;
    };
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    for entry in entries {
        let p = dir.join(&entry.name);
        if entry.kind == FileKind::Dir {
            // Fixture trees (node_modules of module tests) are not tests themselves.
            if entry.name == "node_modules" || entry.name == "fixtures" {
                continue;
            }
            collect(&p, out);
        } else if matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("js" | "mjs" | "cjs")
        ) && ops::exists(&p.with_extension("out"))
        {
            out.push(p);
        }
    }
}

/// Drops what legitimately differs between runtimes from stderr.
fn normalize_stderr(s: &str) -> String {
    let mut lines: Vec<&str> = s.lines().collect();
    // node's "file:line / source / caret / blank" excerpt above an uncaught error.
    if lines.first().is_some_and(|l| {
        l.starts_with('/')
            && l.rsplit(':')
                .next()
                .is_some_and(|n| n.parse::<u32>().is_ok())
    }) {
        let blank = lines.iter().position(|l| l.is_empty()).unwrap_or(0);
        lines.drain(..=blank);
    }
    lines
        .into_iter()
        .filter(|l| !l.trim_start().starts_with("at ") || !l.starts_with("    "))
        .filter(|l| !l.starts_with("Node.js v") && !l.starts_with("actorjs v"))
        .map(|l| mask_pid(l.trim_end()))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// Warnings name the process: `(node:12345)` becomes `(node:PID)`.
fn mask_pid(line: &str) -> String {
    match line
        .strip_prefix("(node:")
        .and_then(|rest| rest.split_once(')'))
    {
        Some((pid, rest)) if pid.chars().all(|c| c.is_ascii_digit()) => format!("(node:PID){rest}"),
        _ => line.to_string(),
    }
}

struct Outcome {
    stdout: String,
    stderr: String,
    code: i32,
}

/// The runtime flags a test asks for on a `// Flags:` line near its top, as node's own tests do.
fn flags(script: &Path) -> Vec<String> {
    read_text(script)
        .unwrap_or_default()
        .lines()
        .take(5)
        .find_map(|l| l.strip_prefix("// Flags:"))
        .map(|f| f.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default()
}

fn run(script: &Path) -> Result<Outcome, String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_actorjs"))
        .args(flags(script))
        .arg(script.file_name().unwrap())
        .current_dir(script.parent().unwrap())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let start = Instant::now();
    loop {
        if child.try_wait().map_err(|e| e.to_string())?.is_some() {
            break;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            return Err(format!("timed out after {TIMEOUT:?}"));
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    Ok(Outcome {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    })
}

fn check(script: &Path) -> Result<(), String> {
    let got = run(script)?;
    let want_out = read_text(&script.with_extension("out")).unwrap_or_default();
    let want_code: i32 = read_text(&script.with_extension("code"))
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    let mut problems = Vec::new();
    if got.stdout != want_out {
        problems.push(format!("stdout differs:\n{}", diff(&want_out, &got.stdout)));
    }
    if got.code != want_code {
        problems.push(format!(
            "exit code {} (node: {want_code})\nstderr:\n{}",
            got.code, got.stderr
        ));
    }
    if let Some(want_err) = read_text(&script.with_extension("err")) {
        let (w, g) = (normalize_stderr(&want_err), normalize_stderr(&got.stderr));
        if w != g {
            problems.push(format!("stderr differs (normalized):\n{}", diff(&w, &g)));
        }
    } else if !got.stderr.is_empty() && got.code == want_code && want_code == 0 {
        problems.push(format!("unexpected stderr:\n{}", got.stderr));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// A line diff, good enough to read a failure.
fn diff(want: &str, got: &str) -> String {
    let (w, g): (Vec<_>, Vec<_>) = (want.lines().collect(), got.lines().collect());
    let mut out = String::new();
    let n = w.len().max(g.len());
    let mut shown = 0;
    for i in 0..n {
        let (a, b) = (w.get(i).copied(), g.get(i).copied());
        if a != b {
            out.push_str(&format!(
                "  line {}:\n    node:    {:?}\n    actorjs: {:?}\n",
                i + 1,
                a,
                b
            ));
            shown += 1;
            if shown == 8 {
                out.push_str("  ...\n");
                break;
            }
        }
    }
    out
}

/// The tests under `tests/js` that are known to fail (relative paths).
fn known_failures() -> Vec<String> {
    let Some(text) = read_text(&tests_root().join("KNOWN_FAILURES")) else {
        return Vec::new();
    };
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

#[test]
fn js_golden_tests() {
    let known = known_failures();
    let mut scripts = Vec::new();
    collect(&tests_root(), &mut scripts);
    if let Ok(filter) = std::env::var("ACTORJS_GOLDEN") {
        scripts.retain(|p| p.to_string_lossy().contains(&filter));
    }
    assert!(
        !scripts.is_empty(),
        "no golden tests found under {}",
        tests_root().display()
    );
    let queue = Mutex::new(scripts.clone());
    let failures = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .max(2);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let next = queue.lock().unwrap().pop();
                    let Some(script) = next else { break };
                    let rel = script
                        .strip_prefix(tests_root())
                        .unwrap_or(&script)
                        .display()
                        .to_string();
                    match (check(&script), known.contains(&rel)) {
                        (Err(e), false) => failures.lock().unwrap().push(format!("{rel}: {e}")),
                        (Ok(()), true) => failures.lock().unwrap().push(format!(
                            "{rel}: passes now; take it off tests/js/KNOWN_FAILURES"
                        )),
                        _ => {}
                    }
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap();
    failures.sort();
    assert!(
        failures.is_empty(),
        "{} of {} golden tests failed:\n\n{}",
        failures.len(),
        scripts.len(),
        failures.join("\n\n")
    );
}
