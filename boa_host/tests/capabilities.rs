//! Capabilities, table-driven: each kind of operation against a path (or socket, or variable)
//! that is granted, not granted, reached through a symlink out of the grant, reached with `..`
//! out of the grant, and granted but then dropped; every case checks the exact outcome. Then an
//! embedding Rust service revokes a grant while its script runs.

use std::os::unix::net::UnixListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use actors::Rights;
use actors::pool::ops;
use boa_host::Authority;

mod support;

/// The operations, as `name: async (p, env) => ...` where `p` is the directory to act in.
const OPS: &str = r#"
const fs = require('fs'), net = require('net'), afs = require('actorjs:fs');
const ops = {
  read: (p) => fs.readFileSync(p + '/file.txt'),
  write: (p) => fs.writeFileSync(p + '/new.txt', 'x'),
  stat: (p) => fs.statSync(p + '/file.txt'),
  readdir: (p) => fs.readdirSync(p + '/dir'),
  mkdir: (p) => fs.mkdirSync(p + '/made'),
  rm: (p) => fs.rmSync(p + '/victim.txt'),
  rename: (p) => fs.renameSync(p + '/mv.txt', p + '/mv2.txt'),
  link: (p) => fs.linkSync(p + '/file.txt', p + '/hard.txt'),
  symlink: (p) => fs.symlinkSync('file.txt', p + '/sym.txt'),
  open: (p) => fs.closeSync(fs.openSync(p + '/file.txt', 'r')),
  watch: (p) => fs.watch(p + '/dir').close(),
  rmtree: (p) => fs.rmSync(p + '/dir', { recursive: true }),
  lock: async (p) => (await afs.tryLock(p + '/lockfile')).unlock(),
  connect: (p) => new Promise((resolve, reject) => {
    const s = net.connect(p + '/s.sock', () => { s.destroy(); resolve(); });
    s.on('error', reject);
  }),
  listen: (p) => new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(p + '/l.sock', () => srv.close(resolve));
  }),
  env: (p, name) => { process.env[name] = 'set'; },
};
"#;

/// What each scenario runs: the directory to act in, the variable to set, and what it drops
/// first.
fn script(scenario: &str) -> String {
    let (dir, var, drop) = match scenario {
        "allowed" => ("G", "ALLOWED_VAR", ""),
        "denied" => ("OUT", "OTHER_VAR", ""),
        "symlink" => ("G + '/out-link'", "", ""),
        "dotdot" => ("G + '/../out'", "", ""),
        "revoked" => (
            "G",
            "ALLOWED_VAR",
            "process.permission.drop('fs', G); process.permission.drop('net', 'unix:' + G); \
             process.permission.drop('env', 'ALLOWED_VAR');",
        ),
        _ => unreachable!(),
    };
    format!(
        "{OPS}
const [G, OUT] = process.argv.slice(1);
{drop}
(async () => {{
  for (const [name, op] of Object.entries(ops)) {{
    if (name === 'env' && !'{var}') continue;
    let outcome;
    try {{ await op({dir}, '{var}'); outcome = 'ok'; }} catch (e) {{ outcome = e.code || e.message; }}
    console.log(name, outcome);
  }}
}})();"
    )
}

struct Tree {
    root: PathBuf,
    _listeners: Vec<UnixListener>,
}

impl Drop for Tree {
    fn drop(&mut self) {
        let _ = ops::remove_all(&self.root);
    }
}

/// root/{g, out}, each with file.txt, dir/, victim.txt, mv.txt and a listening s.sock;
/// g/out-link -> ../out, and g/dir/escape -> ../../out (which `rm -r` of g/dir must not follow).
fn tree() -> Tree {
    let root = ops::mkdtemp(&std::env::temp_dir().join("actorjs-caps-")).unwrap();
    let mut listeners = Vec::new();
    for side in ["g", "out"] {
        let d = root.join(side);
        ops::mkdir(&d.join("dir"), 0o755, true).unwrap();
        for f in ["file.txt", "victim.txt", "mv.txt"] {
            ops::write_file(&d.join(f), b"data", libc::O_WRONLY | libc::O_CREAT, 0o644).unwrap();
        }
        listeners.push(UnixListener::bind(d.join("s.sock")).unwrap());
    }
    ops::symlink(Path::new("../out"), &root.join("g/out-link")).unwrap();
    ops::symlink(Path::new("../../out"), &root.join("g/dir/escape")).unwrap();
    Tree {
        root,
        _listeners: listeners,
    }
}

fn run(scenario: &str) -> Vec<(String, String)> {
    let t = tree();
    let g = t.root.join("g");
    let out = t.root.join("out");
    let output = Command::new(env!("CARGO_BIN_EXE_actorjs"))
        .arg(format!("--allow-read={}", g.display()))
        .arg(format!("--allow-write={}", g.display()))
        .arg(format!("--allow-net=unix:{}", g.display()))
        .arg("--allow-env=ALLOWED_VAR")
        .arg("-e")
        .arg(script(scenario))
        .arg(&g)
        .arg(&out)
        .stdin(Stdio::null())
        .output()
        .expect("actorjs runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{scenario}: exit {:?}\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    // Nothing escaped: the outside files are as they were.
    for f in ["victim.txt", "mv.txt", "file.txt", "dir"] {
        assert!(ops::exists(&out.join(f)), "{scenario}: out/{f} was touched");
    }
    for f in [
        "new.txt", "made", "mv2.txt", "hard.txt", "sym.txt", "lockfile",
    ] {
        assert!(!ops::exists(&out.join(f)), "{scenario}: out/{f} was made");
    }
    stdout
        .lines()
        .filter_map(|l| l.split_once(' '))
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

const KINDS: [&str; 16] = [
    "read", "write", "stat", "readdir", "mkdir", "rm", "rename", "link", "symlink", "open",
    "watch", "rmtree", "lock", "connect", "listen", "env",
];

#[test]
fn every_operation_against_every_kind_of_grant() {
    let mut cases = 0;
    let mut wrong = Vec::new();
    for scenario in ["allowed", "denied", "symlink", "dotdot", "revoked"] {
        let got = run(scenario);
        let expected = if scenario == "allowed" {
            "ok"
        } else {
            "ERR_ACCESS_DENIED"
        };
        for kind in KINDS {
            // A variable has no path to escape through.
            if kind == "env" && matches!(scenario, "symlink" | "dotdot") {
                continue;
            }
            cases += 1;
            let outcome = got.iter().find(|(k, _)| k == kind).map(|(_, o)| o.as_str());
            if outcome != Some(expected) {
                wrong.push(format!(
                    "{kind} / {scenario}: {outcome:?}, expected {expected}"
                ));
            }
        }
    }
    assert!(cases >= 60, "{cases} cases");
    assert!(
        wrong.is_empty(),
        "{} of {cases} cases wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// Whether this process has `file` open.
fn holds_open(file: &Path) -> bool {
    let Ok(fds) = ops::read_dir(Path::new("/proc/self/fd")) else {
        return false;
    };
    fds.iter()
        .any(|e| ops::readlink(&Path::new("/proc/self/fd").join(&e.name)).is_ok_and(|p| p == file))
}

#[test]
fn an_embedding_service_grants_a_directory_and_revokes_it_while_the_script_runs() {
    let t = tree();
    let g = t.root.join("g");
    let authority = Authority::none();
    let grant = authority.grant_path(Some(&g), Rights::READ);
    // The script holds a file open and reads it every few milliseconds; once the grant is
    // revoked, the open descriptor is closed (EBADF) and new reads are denied. Exit code 42
    // says both happened; 1 that the revocation never arrived.
    let source = format!(
        "const fs = require('fs');
         const dir = {g:?};
         const fd = fs.openSync(dir + '/file.txt', 'r');
         if (fs.readFileSync(dir + '/file.txt', 'utf8') !== 'data') process.exitCode = 2;
         try {{ fs.readFileSync(dir + '/../out/file.txt'); process.exitCode = 3; }} catch {{}}
         let tries = 0;
         const timer = setInterval(() => {{
           let closed = false, denied = false;
           try {{ fs.readSync(fd, Buffer.alloc(4), 0, 4, 0); }} catch (e) {{ closed = e.code === 'EBADF'; }}
           try {{ fs.readFileSync(dir + '/file.txt'); }} catch (e) {{ denied = e.code === 'ERR_ACCESS_DENIED'; }}
           if (closed && denied) {{ if (!process.exitCode) process.exitCode = 42; clearInterval(timer); }}
           else if (++tries > 2000) {{ process.exitCode = 1; clearInterval(timer); }}
         }}, 5);",
        g = g.to_string_lossy()
    );
    let revoker = Arc::clone(&authority);
    let file = ops::realpath(&g.join("file.txt")).unwrap();
    let service = std::thread::spawn(move || {
        // The script runs in this process: wait (30 s at most) until it holds the file open,
        // then revoke.
        for _ in 0..3000 {
            if holds_open(&file) {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        std::thread::sleep(Duration::from_millis(50));
        revoker.revoke(grant);
    });
    let script = support::run_embedded(authority, source);
    let code = script.join().unwrap();
    service.join().unwrap();
    assert_eq!(code, 42);
}
