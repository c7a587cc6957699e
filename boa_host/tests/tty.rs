//! `actorjs` on a terminal: a pseudo-terminal stands in for the user's, so the test sees what
//! a program run from a shell sees. process.stdout is a `tty.WriteStream` with the terminal's
//! size, `'resize'` follows SIGWINCH, stdin is a `tty.ReadStream` reading what is typed, and
//! raw mode is undone when the process exits, even when the program leaves it on.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Pty {
    master: File,
    slave: OwnedFd,
}

fn open_pty(cols: u16, rows: u16) -> Pty {
    let (mut master, mut slave) = (-1, -1);
    let size = libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two descriptors; the name and termios pointers may be null.
    let r = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(r, 0, "openpty: {}", std::io::Error::last_os_error());
    // SAFETY: both descriptors are new and owned here.
    unsafe {
        Pty {
            master: File::from_raw_fd(master),
            slave: OwnedFd::from_raw_fd(slave),
        }
    }
}

fn set_size(pty: &Pty, cols: u16, rows: u16) {
    let size = libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: TIOCSWINSZ reads one winsize.
    let r = unsafe { libc::ioctl(pty.master.as_raw_fd(), libc::TIOCSWINSZ, &size) };
    assert_eq!(r, 0);
}

fn lflag(pty: &Pty) -> libc::tcflag_t {
    // SAFETY: an all-zero termios is valid storage for tcgetattr.
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: `t` is valid for writes.
    assert_eq!(unsafe { libc::tcgetattr(pty.slave.as_raw_fd(), &mut t) }, 0);
    t.c_lflag
}

/// Reads the terminal's output until `want` appears (or the time runs out), returning all of it.
fn read_until(master: &mut File, seen: &mut String, want: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut buf = [0u8; 4096];
    while !seen.contains(want) {
        assert!(Instant::now() < deadline, "no {want:?} in {seen:?}");
        let mut p = libc::pollfd {
            fd: master.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd.
        if unsafe { libc::poll(&mut p, 1, 200) } <= 0 {
            continue;
        }
        match master.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => seen.push_str(&String::from_utf8_lossy(&buf[..n])),
            // EIO: every slave descriptor is closed (the child exited).
            Err(_) => break,
        }
    }
    assert!(seen.contains(want), "no {want:?} in {seen:?}");
}

const SCRIPT: &str = r#"
const tty = require('tty');
const { Writable, Readable } = require('stream');
const out = process.stdout;
console.log(JSON.stringify({
  isTTY: out.isTTY, type: out._type, columns: out.columns, rows: out.rows,
  writeStream: out instanceof tty.WriteStream, writable: out instanceof Writable,
  size: out.getWindowSize(), isatty: [tty.isatty(0), tty.isatty(1), tty.isatty(2)],
  stdin: [process.stdin.isTTY, process.stdin instanceof tty.ReadStream, process.stdin instanceof Readable],
  errIsTTY: process.stderr.isTTY,
}));
// Nothing else keeps the process waiting for the terminal to change.
const waiting = setInterval(() => {}, 1000);
out.on('resize', () => {
  clearInterval(waiting);
  console.log(`resized ${out.columns}x${out.rows}`);
  process.stdin.setRawMode(true);
  console.log(`raw ${process.stdin.isRaw}`);
  process.stdin.once('data', (d) => {
    console.log(`typed ${JSON.stringify(String(d))}`);
    // Left in raw mode on purpose: the runtime restores the terminal as it exits.
    process.stdin.pause();
  });
});
console.log('ready');
"#;

#[test]
fn a_program_on_a_terminal_sees_it_and_leaves_it_as_it_was() {
    let mut pty = open_pty(100, 30);
    let canonical = lflag(&pty) & libc::ICANON;
    assert_ne!(canonical, 0, "a new terminal starts canonical");
    let stdio = || Stdio::from(pty.slave.try_clone().unwrap());
    let mut child = Command::new(env!("CARGO_BIN_EXE_actorjs"))
        .args(["-e", SCRIPT])
        .env_remove("COLUMNS")
        .env_remove("LINES")
        .stdin(stdio())
        .stdout(stdio())
        .stderr(stdio())
        .spawn()
        .expect("actorjs starts");
    let mut seen = String::new();
    read_until(&mut pty.master, &mut seen, "ready");
    assert!(
        seen.contains(
            r#"{"isTTY":true,"type":"tty","columns":100,"rows":30,"writeStream":true,"writable":true,"size":[100,30],"isatty":[true,true,true],"stdin":[true,true,true],"errIsTTY":true}"#
        ),
        "{seen}"
    );

    set_size(&pty, 120, 40);
    // The child is not in the terminal's session, so the kernel does not signal it; the test
    // does, as the terminal would.
    // SAFETY: signalling the child this test started.
    unsafe { libc::kill(child.id() as i32, libc::SIGWINCH) };
    read_until(&mut pty.master, &mut seen, "raw true");
    assert!(seen.contains("resized 120x40"), "{seen}");
    assert_eq!(lflag(&pty) & libc::ICANON, 0, "raw mode is on");

    pty.master.write_all(b"x").unwrap();
    read_until(&mut pty.master, &mut seen, "typed \"x\"");
    // Paused, its stdin keeps it no longer, although a read still waits for the next key.
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            child.kill().ok();
            panic!("the program did not end once its stdin was paused: {seen}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status:?}: {seen}");
    assert_eq!(
        lflag(&pty) & libc::ICANON,
        canonical,
        "the terminal is restored"
    );
}
