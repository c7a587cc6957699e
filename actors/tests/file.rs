//! The file actor and the disk pool: operations, ordering, cancellation, close, capabilities.

use std::path::Path;
use std::time::Duration;

use actors::file::{
    CancelToken, Close, File, Fstat, Read, ReadAt, Sync, Truncate, Write, WriteAll, WriteAt,
};
use actors::pool::{self, DiskPool, FsResult, OpenFile};
use actors::reactor::{Pool, PoolConfig};
use actors::{ActorError, Addr, Handler, Message, ReplyFuture, System};
use bytes::Bytes;
use proptest::prelude::*;

fn system(threads: usize) -> System {
    System::with_pool(
        Pool::new(PoolConfig {
            threads,
            queue_capacity: 64,
            name: "file-test".into(),
        })
        .unwrap(),
    )
    .unwrap()
}

/// Runs the system until every future has its answer.
fn finish<R>(s: &mut System, futures: Vec<ReplyFuture<R>>) -> Vec<Result<R, ActorError>> {
    let mut futures: Vec<_> = futures.into_iter().map(|f| (f, None)).collect();
    for _ in 0..10_000 {
        for (f, out) in futures.iter_mut() {
            if out.is_none() {
                *out = f.try_take();
            }
        }
        if futures.iter().all(|(_, o)| o.is_some()) {
            return futures.into_iter().map(|(_, o)| o.unwrap()).collect();
        }
        s.run_once(Some(Duration::from_millis(5))).unwrap();
    }
    panic!("timed out");
}

fn ask<A: Handler<M>, M: Message>(s: &mut System, a: &Addr<A>, m: M) -> M::Reply {
    finish(s, vec![a.ask(m)]).pop().unwrap().unwrap()
}

fn open(s: &mut System, disk: &Addr<DiskPool>, path: &Path, flags: i32) -> Addr<File> {
    ask(
        s,
        disk,
        OpenFile {
            path: path.into(),
            flags,
            mode: 0o644,
        },
    )
    .unwrap()
}

const RW_CREATE: i32 = libc::O_RDWR | libc::O_CREAT | libc::O_TRUNC;

fn errno<T: std::fmt::Debug>(r: FsResult<T>) -> i32 {
    r.unwrap_err().raw_os_error().unwrap()
}

#[test]
fn write_read_close() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    let mut s = system(2);
    let disk = s.spawn(DiskPool);
    let f = open(&mut s, &disk, &path, RW_CREATE);
    assert_eq!(
        ask(
            &mut s,
            &f,
            Write {
                data: Bytes::from_static(b"hello "),
                cancel: None
            }
        )
        .unwrap(),
        6
    );
    ask(
        &mut s,
        &f,
        WriteAll {
            data: Bytes::from_static(b"world"),
            cancel: None,
        },
    )
    .unwrap();
    ask(&mut s, &f, Sync { data_only: false }).unwrap();
    assert_eq!(ask(&mut s, &f, Fstat {}).unwrap().size, 11);
    assert_eq!(
        ask(
            &mut s,
            &f,
            ReadAt {
                len: 100,
                offset: 0,
                cancel: None
            }
        )
        .unwrap(),
        &b"hello world"[..]
    );
    assert_eq!(
        ask(
            &mut s,
            &f,
            Read {
                len: 100,
                cancel: None
            }
        )
        .unwrap(),
        &b""[..],
        "position is at the end"
    );
    ask(&mut s, &f, Truncate { len: 5 }).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"hello");
    ask(&mut s, &f, Close {}).unwrap();
    // The actor stopped after closing, so later messages find no actor.
    assert!(finish(&mut s, vec![f.ask(Close {})])[0].is_err());
    assert!(!s.live_actors().iter().any(|a| a.kind == "file"));
}

#[test]
fn close_waits_for_work_in_flight_and_then_refuses_more() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.bin");
    let mut s = system(4);
    let disk = s.spawn(DiskPool);
    let f = open(&mut s, &disk, &path, RW_CREATE);
    let writes: Vec<_> = (0..64u64)
        .map(|i| {
            f.ask(WriteAt {
                data: Bytes::from(vec![i as u8; 4096]),
                offset: i * 4096,
                cancel: None,
            })
        })
        .collect();
    let close = f.ask(Close {});
    let late = f.ask(Write {
        data: Bytes::from_static(b"x"),
        cancel: None,
    });
    for r in finish(&mut s, writes) {
        assert_eq!(r.unwrap().unwrap(), 4096);
    }
    finish(&mut s, vec![close]).pop().unwrap().unwrap().unwrap();
    assert_eq!(
        errno(finish(&mut s, vec![late]).pop().unwrap().unwrap()),
        libc::EBADF
    );
    let data = std::fs::read(&path).unwrap();
    assert_eq!(data.len(), 64 * 4096);
    assert!(
        data.chunks(4096)
            .enumerate()
            .all(|(i, c)| c.iter().all(|b| *b == i as u8))
    );
}

#[test]
fn queued_work_can_be_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.txt");
    let mut s = system(1);
    let disk = s.spawn(DiskPool);
    let f = open(&mut s, &disk, &path, RW_CREATE);
    let token = CancelToken::new();
    let first = f.ask(Write {
        data: Bytes::from_static(b"1"),
        cancel: None,
    });
    let second = f.ask(Write {
        data: Bytes::from_static(b"2"),
        cancel: Some(token.clone()),
    });
    let third = f.ask(Write {
        data: Bytes::from_static(b"3"),
        cancel: None,
    });
    token.cancel();
    let r = finish(&mut s, vec![first, second, third]);
    assert_eq!(*r[0].as_ref().unwrap().as_ref().unwrap(), 1);
    assert_eq!(
        r[1].as_ref().unwrap().as_ref().unwrap_err().raw_os_error(),
        Some(libc::ECANCELED)
    );
    assert_eq!(*r[2].as_ref().unwrap().as_ref().unwrap(), 1);
    ask(&mut s, &f, Close {}).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"13");
}

#[test]
fn read_only_reference_cannot_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ro.txt");
    std::fs::write(&path, b"data").unwrap();
    let mut s = system(1);
    let disk = s.spawn(DiskPool);
    let f = open(&mut s, &disk, &path, libc::O_RDONLY);
    let denied = finish(
        &mut s,
        vec![f.ask(Write {
            data: Bytes::from_static(b"x"),
            cancel: None,
        })],
    );
    assert!(matches!(
        denied[0],
        Err(ActorError::PermissionDenied { .. })
    ));
    assert_eq!(
        ask(
            &mut s,
            &f,
            Read {
                len: 10,
                cancel: None
            }
        )
        .unwrap(),
        &b"data"[..]
    );
    ask(&mut s, &f, Close {}).unwrap();
    // A read-only view of the disk pool cannot open files for writing.
    let ro_disk = disk.attenuate(actors::Rights::READ);
    let r = finish(
        &mut s,
        vec![ro_disk.ask(OpenFile {
            path: path.clone(),
            flags: libc::O_WRONLY,
            mode: 0,
        })],
    );
    assert!(matches!(r[0], Err(ActorError::PermissionDenied { .. })));
}

#[test]
fn disk_pool_calls_report_the_os_error_with_syscall_and_path() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = system(2);
    let disk = s.spawn(DiskPool);
    let missing = dir.path().join("missing");
    let e = ask(
        &mut s,
        &disk,
        pool::Stat {
            path: missing.clone(),
        },
    )
    .unwrap_err();
    assert_eq!(
        (e.syscall, e.raw_os_error(), e.path.as_deref()),
        ("stat", Some(libc::ENOENT), Some(&*missing))
    );
    let e = ask(
        &mut s,
        &disk,
        pool::ReadFile {
            path: dir.path().into(),
        },
    )
    .unwrap_err();
    assert_eq!((e.syscall, e.raw_os_error()), ("read", Some(libc::EISDIR)));

    let deep = dir.path().join("x/y/z");
    let first = ask(
        &mut s,
        &disk,
        pool::Mkdir {
            path: deep.clone(),
            mode: 0o755,
            recursive: true,
        },
    )
    .unwrap();
    assert_eq!(first, Some(dir.path().join("x")));
    assert_eq!(
        ask(
            &mut s,
            &disk,
            pool::Mkdir {
                path: deep.clone(),
                mode: 0o755,
                recursive: true
            }
        )
        .unwrap(),
        None
    );
    let file = deep.join("f");
    ask(
        &mut s,
        &disk,
        pool::WriteFile {
            path: file.clone(),
            data: Bytes::from_static(b"abc"),
            flags: libc::O_WRONLY | libc::O_CREAT | libc::O_TRUNC,
            mode: 0o600,
        },
    )
    .unwrap();
    let copy = deep.join("g");
    ask(
        &mut s,
        &disk,
        pool::CopyFile {
            from: file.clone(),
            to: copy.clone(),
            exclusive: true,
        },
    )
    .unwrap();
    let e = ask(
        &mut s,
        &disk,
        pool::CopyFile {
            from: file.clone(),
            to: copy.clone(),
            exclusive: true,
        },
    )
    .unwrap_err();
    assert_eq!(
        (e.syscall, e.raw_os_error()),
        ("copyfile", Some(libc::EEXIST))
    );
    assert_eq!(
        ask(&mut s, &disk, pool::ReadFile { path: copy.clone() }).unwrap(),
        b"abc"
    );
    assert_eq!(
        ask(&mut s, &disk, pool::Stat { path: copy.clone() })
            .unwrap()
            .mode
            & 0o777,
        0o600
    );
    let mut names: Vec<_> = ask(&mut s, &disk, pool::ReadDir { path: deep.clone() })
        .unwrap()
        .into_iter()
        .map(|e| (e.name.into_string().unwrap(), e.kind))
        .collect();
    names.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        names,
        [
            ("f".to_string(), pool::FileKind::File),
            ("g".to_string(), pool::FileKind::File)
        ]
    );
    ask(
        &mut s,
        &disk,
        pool::Rename {
            from: copy.clone(),
            to: deep.join("h"),
        },
    )
    .unwrap();
    ask(
        &mut s,
        &disk,
        pool::Symlink {
            target: "h".into(),
            path: deep.join("l"),
        },
    )
    .unwrap();
    assert_eq!(
        ask(
            &mut s,
            &disk,
            pool::Readlink {
                path: deep.join("l")
            }
        )
        .unwrap(),
        Path::new("h")
    );
    assert_eq!(
        ask(
            &mut s,
            &disk,
            pool::Lstat {
                path: deep.join("l")
            }
        )
        .unwrap()
        .kind(),
        pool::FileKind::Symlink
    );
    assert_eq!(
        ask(
            &mut s,
            &disk,
            pool::Realpath {
                path: deep.join("l")
            }
        )
        .unwrap(),
        std::fs::canonicalize(deep.join("h")).unwrap()
    );
    let tmp = ask(
        &mut s,
        &disk,
        pool::Mkdtemp {
            prefix: dir.path().join("t-"),
        },
    )
    .unwrap();
    assert!(tmp.is_dir() && tmp.file_name().unwrap().len() == 8);
    ask(
        &mut s,
        &disk,
        pool::RemoveAll {
            path: dir.path().join("x"),
        },
    )
    .unwrap();
    assert!(!dir.path().join("x").exists());
}

#[test]
fn killed_file_actor_closes_its_descriptor() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.txt");
    let mut s = system(1);
    let disk = s.spawn(DiskPool);
    let f = open(&mut s, &disk, &path, RW_CREATE);
    let holds = s
        .live_actors()
        .into_iter()
        .find(|a| a.kind == "file")
        .unwrap()
        .holds;
    let fd: i32 = holds.split_whitespace().nth(1).unwrap().parse().unwrap();
    let fd_path = format!("/proc/self/fd/{fd}");
    assert_eq!(std::fs::read_link(&fd_path).unwrap(), path);
    s.kill(f.id());
    // The close runs on the pool; wait for it.
    for _ in 0..200 {
        if std::fs::read_link(&fd_path)
            .map(|p| p != path)
            .unwrap_or(true)
        {
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("descriptor {fd} still open");
}

/// An operation in a random script against the file actor.
#[derive(Debug, Clone)]
enum Op {
    /// Sequential write of `n` bytes of a fresh value.
    Write(usize),
    /// Sequential read of up to `n` bytes.
    Read(usize),
    /// Positional write into slot `i` of region B.
    WriteAt(usize),
    /// Positional read of slot `i` of region B.
    ReadAt(usize),
}

const REGION_B: u64 = 1 << 20;
const SLOT: usize = 512;
const SLOTS: usize = 16;

fn op() -> impl Strategy<Value = (Op, bool)> {
    let op = prop_oneof![
        3 => (1usize..300).prop_map(Op::Write),
        2 => (1usize..300).prop_map(Op::Read),
        2 => (0..SLOTS).prop_map(Op::WriteAt),
        2 => (0..SLOTS).prop_map(Op::ReadAt),
    ];
    (op, proptest::bool::weighted(0.15))
}

enum Pending {
    Write(ReplyFuture<FsResult<usize>>, Vec<u8>),
    Read(ReplyFuture<FsResult<Bytes>>, usize),
    WriteAt(ReplyFuture<FsResult<usize>>, usize, Vec<u8>),
    ReadAt(ReplyFuture<FsResult<Bytes>>, usize),
}

fn take<R>(s: &mut System, f: ReplyFuture<R>) -> R {
    finish(s, vec![f]).pop().unwrap().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// Sequential operations behave as if run one by one in submission order, whatever the
    /// positional ones do concurrently; cancelled operations have no effect.
    #[test]
    fn file_actor_ordering_matches_model(script in proptest::collection::vec(op(), 1..60)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.bin");
        // Region B starts filled with a pattern, so reads of unwritten slots are known.
        let prefill: Vec<u8> = (0..SLOTS * SLOT).map(|i| (i % 251) as u8).collect();
        {
            let f = std::fs::File::create(&path).unwrap();
            use std::os::unix::fs::FileExt;
            f.write_all_at(&prefill, REGION_B).unwrap();
            f.sync_all().unwrap();
        }
        let mut s = system(3);
        let disk = s.spawn(DiskPool);
        let f = open(&mut s, &disk, &path, libc::O_RDWR);
        let written_slots: Vec<usize> = script.iter().filter_map(|(o, _)| match o { Op::WriteAt(i) => Some(*i), _ => None }).collect();
        let mut used_slots = std::collections::HashSet::new();
        let mut pending = Vec::new();
        let mut counter = 0u8;
        for (op, cancel) in &script {
            let token = cancel.then(CancelToken::new);
            match op {
                Op::Write(n) => {
                    counter = counter.wrapping_add(1);
                    let data = vec![counter; *n];
                    pending.push(Pending::Write(f.ask(Write { data: Bytes::from(data.clone()), cancel: token.clone() }), data));
                }
                Op::Read(n) => pending.push(Pending::Read(f.ask(Read { len: *n, cancel: token.clone() }), *n)),
                Op::WriteAt(i) => {
                    // Each slot is written at most once, so its final content is known.
                    if !used_slots.insert(*i) {
                        continue;
                    }
                    counter = counter.wrapping_add(1);
                    let data = vec![counter; SLOT];
                    pending.push(Pending::WriteAt(
                        f.ask(WriteAt { data: Bytes::from(data.clone()), offset: REGION_B + (i * SLOT) as u64, cancel: token.clone() }),
                        *i,
                        data,
                    ));
                }
                Op::ReadAt(i) => {
                    // Only slots nobody writes have a deterministic content to read concurrently.
                    if written_slots.contains(i) {
                        continue;
                    }
                    pending.push(Pending::ReadAt(f.ask(ReadAt { len: SLOT, offset: REGION_B + (i * SLOT) as u64, cancel: token.clone() }), *i));
                }
            }
            if let Some(t) = token {
                t.cancel();
            }
        }
        let mut model: Vec<u8> = Vec::new();
        let mut pos = 0usize;
        let mut slots: Vec<Vec<u8>> = prefill.chunks(SLOT).map(<[u8]>::to_vec).collect();
        let cancelled = |e: &pool::FsError| e.raw_os_error() == Some(libc::ECANCELED);
        for p in pending {
            match p {
                Pending::Write(fut, data) => match take(&mut s, fut) {
                    Ok(n) => {
                        prop_assert_eq!(n, data.len());
                        if model.len() < pos + n { model.resize(pos + n, 0); }
                        model[pos..pos + n].copy_from_slice(&data);
                        pos += n;
                    }
                    Err(e) => prop_assert!(cancelled(&e), "{}", e),
                },
                Pending::Read(fut, n) => match take(&mut s, fut) {
                    Ok(got) => {
                        // Region A is followed by a hole up to region B, which reads as zeros.
                        let mut want = vec![0u8; n];
                        for (k, b) in want.iter_mut().enumerate() {
                            *b = model.get(pos + k).copied().unwrap_or(0);
                        }
                        prop_assert_eq!(&got[..], &want[..]);
                        pos += got.len();
                    }
                    Err(e) => prop_assert!(cancelled(&e), "{}", e),
                },
                Pending::WriteAt(fut, i, data) => match take(&mut s, fut) {
                    Ok(n) => { prop_assert_eq!(n, SLOT); slots[i] = data; }
                    Err(e) => prop_assert!(cancelled(&e), "{}", e),
                },
                Pending::ReadAt(fut, i) => match take(&mut s, fut) {
                    Ok(got) => prop_assert_eq!(&got[..], &prefill[i * SLOT..(i + 1) * SLOT]),
                    Err(e) => prop_assert!(cancelled(&e), "{}", e),
                },
            }
        }
        take(&mut s, f.ask(Close {})).unwrap();
        let data = std::fs::read(&path).unwrap();
        prop_assert_eq!(&data[..model.len()], &model[..]);
        prop_assert_eq!(&data[REGION_B as usize..], &slots.concat()[..]);
    }
}
