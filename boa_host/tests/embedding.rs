//! A Rust service embedding scripts: `process.exit` and a fatal exception end the script, not
//! the service. `Runtime::run` returns the script's exit code, nothing more of the script runs
//! (no `finally`, no later timer, no pending promise job), its `'exit'` listeners run once, and
//! the service goes on to run other scripts.

use std::path::{Path, PathBuf};

use actors::Rights;
use actors::pool::ops;
use boa_host::Authority;

mod support;

struct Dir(PathBuf);

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = ops::remove_all(&self.0);
    }
}

/// Runs `source` embedded, with `log(text)` appending a line to a file in a directory only it
/// may write; returns the exit code and the lines.
fn run(source: &str) -> (i32, Vec<String>) {
    let dir = Dir(ops::mkdtemp(&std::env::temp_dir().join("actorjs-embed-")).unwrap());
    let log = dir.0.join("log");
    let authority = Authority::none();
    authority.grant_path(Some(&dir.0), Rights::READ | Rights::WRITE);
    let source = format!(
        "const fs = require('fs');
         const log = (s) => fs.appendFileSync({log:?}, s + '\\n');
         {source}",
        log = log.to_string_lossy()
    );
    let code = support::run_embedded(authority, source)
        .join()
        .expect("the script's thread returns");
    let lines = read_lines(&log);
    (code, lines)
}

fn read_lines(path: &Path) -> Vec<String> {
    let bytes = ops::read_file(path).unwrap_or_default();
    String::from_utf8_lossy(&bytes)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn process_exit_in_a_timer_ends_the_script_with_its_code() {
    let (code, lines) = run("process.on('exit', (c) => log('exit ' + c));
         setTimeout(() => {
           try { log('before'); process.exit(3); } finally { log('finally'); }
         }, 1);
         setTimeout(() => log('later'), 50);
         setInterval(() => {}, 1000);");
    assert_eq!(code, 3);
    assert_eq!(lines, ["before", "exit 3"]);
}

#[test]
fn process_exit_after_an_await_ends_the_script() {
    let (code, lines) = run("process.on('exit', (c) => log('exit ' + c));
         (async () => {
           await null;
           log('resumed');
           process.exit(4);
           log('after exit');
         })();
         Promise.resolve().then(() => Promise.resolve()).then(() => log('job'));
         setImmediate(() => log('immediate'));");
    assert_eq!(code, 4);
    assert_eq!(lines, ["resumed", "exit 4"]);
}

#[test]
fn an_uncaught_exception_ends_the_script_with_code_1() {
    let (code, lines) = run("process.on('exit', (c) => log('exit ' + c));
         setTimeout(() => { log('throwing'); throw new Error('boom'); }, 1);
         setTimeout(() => log('later'), 50);");
    assert_eq!(code, 1);
    assert_eq!(lines, ["throwing", "exit 1"]);
}

#[test]
fn an_unhandled_rejection_ends_the_script_with_code_1() {
    let (code, lines) = run("process.on('exit', (c) => log('exit ' + c));
         Promise.reject(new Error('nobody catches this'));
         setTimeout(() => log('later'), 50);");
    assert_eq!(code, 1);
    assert_eq!(lines, ["exit 1"]);
}

#[test]
fn process_exit_in_an_uncaught_exception_listener_keeps_its_code() {
    let (code, lines) = run("process.on('exit', (c) => log('exit ' + c));
         process.on('uncaughtException', (e) => { log('caught ' + e.message); process.exit(7); });
         setTimeout(() => { throw new Error('boom'); }, 1);
         setTimeout(() => log('later'), 50);");
    assert_eq!(code, 7);
    assert_eq!(lines, ["caught boom", "exit 7"]);
}

#[test]
fn the_service_runs_another_script_after_one_ended() {
    let (first, _) = run("process.exit(5);");
    let (second, lines) = run("log('ran'); process.exitCode = 2;");
    assert_eq!((first, second), (5, 2));
    assert_eq!(lines, ["ran"]);
}
