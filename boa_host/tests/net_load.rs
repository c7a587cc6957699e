//! Load: `tests/load/net_echo_5000.js` under `actorjs`, a server holding 5,000 concurrent
//! loopback connections that each echo 1 KiB, over six rounds, with no errors, no lost bytes
//! and flat memory (the script checks each and throws on a failure).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// 5,000 connections are 10,000 descriptors in one process (both ends): raise the soft limit to
/// the hard one, which the child inherits.
fn raise_fd_limit() -> u64 {
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: `lim` is a valid rlimit to fill, then to set.
    unsafe {
        libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim);
        lim.rlim_cur = lim.rlim_max;
        libc::setrlimit(libc::RLIMIT_NOFILE, &lim);
    }
    lim.rlim_cur
}

#[test]
fn five_thousand_concurrent_echo_connections() {
    let limit = raise_fd_limit();
    // Leave room for the runtime's own descriptors.
    let connections = 5000.min((limit.saturating_sub(200) / 2) as usize);
    assert!(
        connections >= 1000,
        "the descriptor limit ({limit}) is too low for the load test"
    );
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/load/net_echo_5000.js");
    let mut child = Command::new(env!("CARGO_BIN_EXE_actorjs"))
        .arg("--expose-gc")
        .arg(&script)
        .arg(connections.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("actorjs runs");
    let deadline = Instant::now() + Duration::from_secs(180);
    while child.try_wait().expect("waitable").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().expect("output");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stdout.ends_with("ok\n"),
        "status {:?}\nstdout:\n{stdout}\nstderr:\n{stderr}",
        out.status
    );
}
