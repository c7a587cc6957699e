//! `fs.watch` on either watcher backend: inotify (the default) and the polling one chosen with
//! `ACTORJS_WATCHER=poll[:ms]`. Both answer at once, throw node's error for a missing path, and
//! report new files, also below a recursively watched directory.

use std::path::PathBuf;
use std::process::{Command, Stdio};

use actors::pool::ops;

const SCRIPT: &str = "
const fs = require('fs');
const d = process.argv[1];
try { fs.watch(d + '/missing'); } catch (e) { console.log('missing', e.code, e.syscall); }
const seen = new Set();
const w = fs.watch(d, { recursive: true }, (ev, name) => {
  if (ev === 'rename' && !seen.has(name)) { seen.add(name); console.log(ev, name); }
  if (name === 'sub/b.txt') w.close();
});
console.log('watching');
setTimeout(() => fs.writeFileSync(d + '/a.txt', 'x'), 50);
setTimeout(() => fs.writeFileSync(d + '/sub/b.txt', 'y'), 300);
setTimeout(() => { console.log('timed out'); process.exit(1); }, 10000).unref();
";

fn run(watcher: Option<&str>) -> String {
    let dir = ops::mkdtemp(&std::env::temp_dir().join("actorjs-watch-")).unwrap();
    ops::mkdir(&dir.join("sub"), 0o755, false).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_actorjs"));
    cmd.arg("-e").arg(SCRIPT).arg(&dir).stdin(Stdio::null());
    match watcher {
        Some(w) => cmd.env("ACTORJS_WATCHER", w),
        None => cmd.env_remove("ACTORJS_WATCHER"),
    };
    let out = cmd.output().expect("actorjs runs");
    let _ = ops::remove_all(&PathBuf::from(&dir));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{watcher:?}: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

const EXPECTED: &str = "missing ENOENT watch\nwatching\nrename a.txt\nrename sub/b.txt\n";

#[test]
fn inotify_watches_a_tree() {
    assert_eq!(run(None), EXPECTED);
}

#[test]
fn the_polling_watcher_watches_a_tree() {
    assert_eq!(run(Some("poll:20")), EXPECTED);
}
