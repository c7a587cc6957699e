//! `internalBinding('fs')`: the filesystem ops behind `node:fs` and `fs/promises`.
//!
//! # How JS calls them
//!
//! Every op takes its arguments, already validated by the glue, then `req` (last but for the
//! stat ops' `asStats`):
//!
//! - `undefined`: synchronous. The call runs on the JS thread and returns the value or throws
//!   Node's error (`ENOENT: no such file or directory, open '/x'` with `errno`, `code`,
//!   `syscall`, `path`, `dest`).
//! - a function: callback. The call runs on the disk pool; `req(err)` or `req(null, value)` is
//!   called from the poll phase, never before the op returns.
//! - `true`: promise. As the callback form, but the op returns a promise.
//!
//! Paths are strings (the glue turns `Buffer` and `URL` paths into strings). Numbers JS sees as
//! fds index this context's descriptor table ([`FdTable`]): 0, 1 and 2 are stdio, the rest are
//! what the program opened; any other number is `EBADF`.
//!
//! | op | arguments before `req` | value |
//! |---|---|---|
//! | `op_fs_open` | path, flags (number), mode | fd |
//! | `op_fs_close` | fd | undefined |
//! | `op_fs_read` | fd, buffer (`Uint8Array`), offset, length, position (`-1`: current) | bytes read |
//! | `op_fs_write` | fd, buffer, offset, length, position (`-1`: current) | bytes written (one `write`) |
//! | `op_fs_readv` | fd, buffers (array of `Uint8Array`), position | bytes read |
//! | `op_fs_writev` | fd, buffers, position | bytes written |
//! | `op_fs_stat` / `op_fs_lstat` | path, bigint; `asStats` after `req` | stats array, or with `asStats` (not bigint) a `Stats` |
//! | `op_fs_fstat` | fd, bigint; `asStats` after `req` | as `op_fs_stat` |
//! | `op_fs_stats_object` | `Float64Array` stats array, offset | a `Stats` (sync, no pool) |
//! | `op_fs_set_stats_prototype` | `Stats.prototype` | undefined |
//! | `op_fs_statfs` | path, bigint | `[type, bsize, blocks, bfree, bavail, files, ffree]` |
//! | `op_fs_readdir` | path, withFileTypes | names, or `[names, types]` (`UV_DIRENT_*`) |
//! | `op_fs_mkdir` | path, mode, recursive | first directory created (recursive) or undefined |
//! | `op_fs_mkdtemp` | prefix | the new directory |
//! | `op_fs_rmdir` / `op_fs_unlink` | path | undefined |
//! | `op_fs_rm_all` | path | undefined (removes a tree; `ENOENT` if missing) |
//! | `op_fs_rename` / `op_fs_link` | from, to | undefined |
//! | `op_fs_symlink` | target, path | undefined |
//! | `op_fs_copyfile` | src, dest, mode (`COPYFILE_*` bits) | undefined |
//! | `op_fs_readlink` / `op_fs_realpath` | path | string |
//! | `op_fs_access` | path, mode | undefined |
//! | `op_fs_exists` | path (sync only) | boolean |
//! | `op_fs_chmod` / `op_fs_fchmod` | path or fd, mode | undefined |
//! | `op_fs_chown` / `op_fs_lchown` / `op_fs_fchown` | path or fd, uid, gid | undefined |
//! | `op_fs_truncate` / `op_fs_ftruncate` | path or fd, length | undefined |
//! | `op_fs_utimes` / `op_fs_lutimes` / `op_fs_futimes` | path or fd, atime, mtime (seconds) | undefined |
//! | `op_fs_fsync` / `op_fs_fdatasync` | fd | undefined |
//! | `op_fs_read_only` | fd (sync only) | a new fd for the same file, read-only |
//! | `op_fs_read_file` | path or fd, flags | `Uint8Array` (the pool's buffer, not copied) |
//! | `op_fs_write_file` | path or fd, data (`Uint8Array`), flags, mode | undefined |
//!
//! A stats array is a `Float64Array` (a `BigInt64Array` with `bigint`) of 18 numbers in Node's
//! order: dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, then seconds and
//! nanoseconds of atime, mtime, ctime and birthtime.

use std::mem::MaybeUninit;
use std::os::fd::{AsRawFd, RawFd};
use std::path::{Path, PathBuf};

use actors::ActorError;
use actors::Rights;
use actors::pool::beneath::Follow;
use actors::pool::ops::{self, FsError, FsResult, StatFs, Stats, Timespec};
use actors::pool::{Call, FileKind};
use boa_engine::builtins::object::OrdinaryObject;
use boa_engine::object::ObjectInitializer;
use boa_engine::object::builtins::{
    AlignedVec, JsArray, JsArrayBuffer, JsBigInt64Array, JsDate, JsFloat64Array, JsUint8Array,
};
use boa_engine::property::Attribute;
use boa_engine::{Context, JsData, JsObject, JsResult, JsString, JsValue, js_string};
use boa_gc::{Finalize, Trace};

use crate::authority::{Place, Target};
use crate::fds::Held;
use crate::node::buffer::{lend, with_bytes, with_bytes_mut};
use crate::ops::{Binding, ErrorClass, OpError, OpResult, arg};
use crate::state::state;

pub(crate) static BINDING: Binding = Binding {
    name: "fs",
    ops: &[
        ("op_fs_open", op_fs_open),
        ("op_fs_close", op_fs_close),
        ("op_fs_read", op_fs_read),
        ("op_fs_read_chunk", op_fs_read_chunk),
        ("op_fs_write", op_fs_write),
        ("op_fs_readv", op_fs_readv),
        ("op_fs_writev", op_fs_writev),
        ("op_fs_stat", op_fs_stat),
        ("op_fs_set_stats_prototype", op_fs_set_stats_prototype),
        ("op_fs_stats_object", op_fs_stats_object),
        ("op_fs_lstat", op_fs_lstat),
        ("op_fs_fstat", op_fs_fstat),
        ("op_fs_statfs", op_fs_statfs),
        ("op_fs_readdir", op_fs_readdir),
        ("op_fs_mkdir", op_fs_mkdir),
        ("op_fs_mkdtemp", op_fs_mkdtemp),
        ("op_fs_rmdir", op_fs_rmdir),
        ("op_fs_unlink", op_fs_unlink),
        ("op_fs_rm_all", op_fs_rm_all),
        ("op_fs_rename", op_fs_rename),
        ("op_fs_link", op_fs_link),
        ("op_fs_symlink", op_fs_symlink),
        ("op_fs_copyfile", op_fs_copyfile),
        ("op_fs_readlink", op_fs_readlink),
        ("op_fs_realpath", op_fs_realpath),
        ("op_fs_access", op_fs_access),
        ("op_fs_exists", op_fs_exists),
        ("op_fs_chmod", op_fs_chmod),
        ("op_fs_fchmod", op_fs_fchmod),
        ("op_fs_chown", op_fs_chown),
        ("op_fs_lchown", op_fs_lchown),
        ("op_fs_fchown", op_fs_fchown),
        ("op_fs_truncate", op_fs_truncate),
        ("op_fs_ftruncate", op_fs_ftruncate),
        ("op_fs_utimes", op_fs_utimes),
        ("op_fs_lutimes", op_fs_lutimes),
        ("op_fs_futimes", op_fs_futimes),
        ("op_fs_fsync", op_fs_fsync),
        ("op_fs_fdatasync", op_fs_fdatasync),
        ("op_fs_read_only", op_fs_read_only),
        ("op_fs_read_file", op_fs_read_file),
        ("op_fs_write_file", op_fs_write_file),
    ],
};

// ---- arguments ----

fn path_arg(args: &[JsValue], i: usize) -> Result<PathBuf, OpError> {
    let s = arg(args, i)
        .as_string()
        .ok_or_else(|| OpError::invalid_arg("path string"))?
        .to_std_string_lossy();
    Ok(PathBuf::from(s))
}

/// The path `args[i]` where this context's authority lets a call needing `rights` go; a path no
/// grant covers is `ERR_ACCESS_DENIED` at once.
pub(crate) fn place_arg(
    args: &[JsValue],
    i: usize,
    rights: Rights,
    cx: &Context,
) -> Result<Place, OpError> {
    let path = path_arg(args, i)?;
    Ok(state(cx).authority.place(path, rights)?)
}

/// Runs `call` on what `place` resolves to, with the program's path in its errors.
fn on<T>(
    place: &Place,
    follow: Follow,
    syscall: &'static str,
    call: impl FnOnce(&Path) -> FsResult<T>,
) -> FsResult<T> {
    let target = place.resolve(follow, syscall)?;
    call(&target.path()).map_err(|e| place.relabel(e))
}

pub(crate) fn num(args: &[JsValue], i: usize) -> Result<f64, OpError> {
    arg(args, i)
        .as_number()
        .ok_or_else(|| OpError::invalid_arg("number"))
}

pub(crate) fn int(args: &[JsValue], i: usize) -> Result<i64, OpError> {
    Ok(num(args, i)? as i64)
}

pub(crate) fn flag(args: &[JsValue], i: usize) -> bool {
    arg(args, i).to_boolean()
}

/// `-1` (or anything negative, or not a number) means "at the file position". A BigInt is
/// taken exactly, so positions near 2^63 reach the kernel as given.
fn position(args: &[JsValue], i: usize) -> Option<u64> {
    let v = arg(args, i);
    if let Some(b) = v.as_bigint() {
        return u64::try_from(b.to_i128())
            .ok()
            .filter(|p| *p <= i64::MAX as u64);
    }
    v.as_number().filter(|p| *p >= 0.0).map(|p| p as u64)
}

fn time(secs: f64) -> Timespec {
    let sec = secs.floor();
    Timespec {
        sec: sec as i64,
        nsec: (((secs - sec) * 1e9).round() as u32).min(999_999_999),
    }
}

/// The descriptor behind fd number `args[i]`, if it allows `rights`; `EBADF` otherwise. The
/// error goes to the call rather than being thrown, so the callback and promise forms report it
/// asynchronously, as Node does.
fn fd_arg(
    args: &[JsValue],
    i: usize,
    rights: Rights,
    syscall: &'static str,
    cx: &Context,
) -> FsResult<Held> {
    let n = arg(args, i).as_number().unwrap_or(-1.0);
    let s = state(cx);
    s.sweep_if_narrowed();
    s.fds
        .borrow()
        .get(n, rights)
        .ok_or_else(|| FsError::errno(syscall, libc::EBADF))
}

// ---- running a call: now, or on the pool ----

/// Runs `call` as `req` asks (see the module documentation) and turns its value into JS with
/// `convert`. `rights` is what the call does, for the pool's reference check.
pub(crate) fn run<T: Send + 'static>(
    req: &JsValue,
    rights: Rights,
    call: impl FnOnce() -> FsResult<T> + Send + 'static,
    convert: impl FnOnce(T, &mut Context) -> OpResult + 'static,
    cx: &mut Context,
) -> OpResult {
    if req.is_undefined() {
        let value = call()?;
        return convert(value, cx);
    }
    let s = state(cx);
    let (id, promise) = match req.as_callable() {
        Some(f) => (s.requests.start_callback(f.clone()), None),
        None => {
            let (id, p) = s.requests.start_promise(cx);
            (id, Some(p))
        }
    };
    let reply = s.reply_to(id, move |r: Result<FsResult<T>, ActorError>, cx| {
        convert(r??, cx)
    });
    s.disk.send_with(Call::new(rights, call), reply);
    Ok(promise.map(JsValue::from).unwrap_or_default())
}

pub(crate) fn undefined<T>(_: T, _: &mut Context) -> OpResult {
    Ok(JsValue::undefined())
}

fn string(p: PathBuf, _: &mut Context) -> OpResult {
    Ok(JsString::from(p.to_string_lossy().as_ref()).into())
}

// ---- open and close ----

fn op_fs_open(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let flags = int(args, 1)? as i32;
    let mode = int(args, 2)? as u32;
    let rights = open_rights(flags);
    let place = place_arg(args, 0, open_needs(flags), cx)?;
    run(
        &arg(args, 3),
        rights,
        move || {
            let fd = place.open(flags, mode)?;
            Ok((fd, place))
        },
        move |(fd, place), cx| {
            let n = state(cx).fds.borrow_mut().insert(fd, place, rights);
            Ok(JsValue::from(n as f64))
        },
        cx,
    )
}

/// What opening with `flags` needs from the path's grants: reading for a read mode, writing for
/// a write mode or for creating, truncating or appending.
fn open_needs(flags: i32) -> Rights {
    let mut needs = open_rights(flags);
    if flags & (libc::O_CREAT | libc::O_TRUNC | libc::O_APPEND) != 0 {
        needs = needs | Rights::WRITE;
    }
    needs
}

/// What an fd opened with `flags` may be used for.
fn open_rights(flags: i32) -> Rights {
    match flags & libc::O_ACCMODE {
        libc::O_RDONLY => Rights::READ,
        libc::O_WRONLY => Rights::WRITE,
        _ => Rights::READ | Rights::WRITE,
    }
}

fn op_fs_close(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let n = arg(args, 0).as_number().unwrap_or(-1.0);
    let held = state(cx)
        .fds
        .borrow_mut()
        .remove(n)
        .ok_or_else(|| FsError::errno("close", libc::EBADF));
    // The number is free at once; the descriptor closes when operations still running on it
    // let go of it.
    run(
        &arg(args, 1),
        Rights::NONE,
        move || held?.close(),
        undefined,
        cx,
    )
}

// ---- reading and writing ----

fn op_fs_read(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let held = fd_arg(args, 0, Rights::READ, "read", cx);
    let buffer = arg(args, 1);
    let offset = int(args, 2)?.max(0) as usize;
    let length = int(args, 3)?.max(0) as usize;
    let pos = position(args, 4);
    let req = arg(args, 5);
    if req.is_undefined() {
        let held = held?;
        let n = with_bytes_mut(&buffer, cx, |bytes| {
            let end = (offset + length).min(bytes.len());
            let start = offset.min(end);
            let dest = &mut bytes[start..end];
            // SAFETY: viewing initialised bytes as possibly-uninitialised ones is sound; the
            // call only writes to them.
            let dest = unsafe { &mut *(dest as *mut [u8] as *mut [MaybeUninit<u8>]) };
            ops::read_into(held.raw(), dest, pos)
        })??;
        return Ok(JsValue::from(n as f64));
    }
    // The pool reads into its own buffer, copied into the caller's when the answer arrives:
    // the engine's buffer may not be written from another thread.
    run(
        &req,
        Rights::READ,
        move || match pos {
            Some(p) => ops::pread(held?.raw(), length, p),
            None => ops::read(held?.raw(), length),
        },
        move |data: Vec<u8>, cx| {
            with_bytes_mut(&buffer, cx, |bytes| {
                let end = (offset + data.len()).min(bytes.len());
                let start = offset.min(end);
                bytes[start..end].copy_from_slice(&data[..end - start]);
            })?;
            Ok(JsValue::from(data.len() as f64))
        },
        cx,
    )
}

/// A read stream's read: up to `length` bytes into memory laid out as the engine keeps array
/// buffers, which becomes the chunk's buffer without a copy. A read that used less than half
/// of it is copied out at its size, so a small chunk does not pin a large allocation.
fn op_fs_read_chunk(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let held = fd_arg(args, 0, Rights::READ, "read", cx);
    let length = int(args, 1)?.max(0) as usize;
    let pos = position(args, 2);
    run(
        &arg(args, 3),
        Rights::READ,
        move || {
            let fd = held?.raw();
            let mut buf = AlignedVec::<u8>::with_capacity(64, length);
            // SAFETY: the `length` bytes of capacity are allocated and owned by `buf`.
            let dest = unsafe {
                std::slice::from_raw_parts_mut(buf.as_mut_ptr().cast::<MaybeUninit<u8>>(), length)
            };
            let n = ops::read_into(fd, dest, pos)?;
            // SAFETY: `read_into` initialised the first `n` bytes.
            unsafe { buf.set_len(n) };
            Ok(buf)
        },
        |data, cx| {
            if data.len() < data.capacity() / 2 {
                return to_uint8_array(AlignedVec::from_slice(64, &data), cx);
            }
            to_uint8_array(data, cx)
        },
        cx,
    )
}

fn op_fs_write(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let held = fd_arg(args, 0, Rights::WRITE, "write", cx);
    let buffer = arg(args, 1);
    let offset = int(args, 2)?.max(0) as usize;
    let length = int(args, 3)?.max(0) as usize;
    let pos = position(args, 4);
    let req = arg(args, 5);
    let slice = |bytes: &[u8]| {
        let end = (offset + length).min(bytes.len());
        let start = offset.min(end);
        (start, end)
    };
    if req.is_undefined() {
        let held = held?;
        let n = with_bytes(&buffer, cx, |bytes| {
            let (start, end) = slice(bytes);
            ops::write(held.raw(), &bytes[start..end], pos)
        })??;
        return Ok(JsValue::from(n as f64));
    }
    // The pool writes straight from the JS buffer, which the answer holds until it is in.
    if let Some(lent) = lend(&buffer, cx, slice)? {
        return run(
            &req,
            Rights::WRITE,
            move || {
                let (ptr, len) = lent.parts();
                // SAFETY: `buffer`, kept by the answer below, owns the lent bytes until the
                // answer runs, which is after this call returns.
                unsafe { ops::write_raw(held?.raw(), ptr, len, pos) }
            },
            move |n, _| {
                drop(buffer);
                Ok(JsValue::from(n as f64))
            },
            cx,
        );
    }
    let data = with_bytes(&buffer, cx, |bytes| {
        let (start, end) = slice(bytes);
        bytes[start..end].to_vec()
    })?;
    run(
        &req,
        Rights::WRITE,
        move || ops::write(held?.raw(), &data, pos),
        |n, _| Ok(JsValue::from(n as f64)),
        cx,
    )
}

fn buffers(list: &JsValue, cx: &mut Context) -> Result<Vec<JsValue>, OpError> {
    let obj = list
        .as_object()
        .ok_or_else(|| OpError::invalid_arg("array of buffers"))?;
    let array = JsArray::from_object(obj.clone())?;
    let len = array.length(cx)?;
    (0..len).map(|i| Ok(array.get(i, cx)?)).collect()
}

fn op_fs_readv(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let held = fd_arg(args, 0, Rights::READ, "read", cx);
    let targets = buffers(&arg(args, 1), cx)?;
    let pos = position(args, 2);
    let mut sizes = Vec::with_capacity(targets.len());
    for t in &targets {
        sizes.push(with_bytes(t, cx, <[u8]>::len)?);
    }
    let total: usize = sizes.iter().sum();
    run(
        &arg(args, 3),
        Rights::READ,
        move || read_up_to(held?.raw(), total, pos),
        move |data: Vec<u8>, cx| {
            let mut at = 0;
            for (t, size) in targets.iter().zip(sizes) {
                if at >= data.len() {
                    break;
                }
                let n = size.min(data.len() - at);
                with_bytes_mut(t, cx, |b| b[..n].copy_from_slice(&data[at..at + n]))?;
                at += n;
            }
            Ok(JsValue::from(data.len() as f64))
        },
        cx,
    )
}

/// Reads up to `total` bytes, looping over short reads until end of file (as `readv` fills
/// each buffer in turn).
fn read_up_to(fd: RawFd, total: usize, pos: Option<u64>) -> FsResult<Vec<u8>> {
    let mut out: Vec<u8> = Vec::with_capacity(total);
    while out.len() < total {
        let len = out.len();
        let n = ops::read_into(
            fd,
            &mut out.spare_capacity_mut()[..total - len],
            pos.map(|p| p + len as u64),
        )?;
        if n == 0 {
            break;
        }
        // SAFETY: `read_into` initialised `n` bytes right after the first `len`.
        unsafe { out.set_len(len + n) };
    }
    Ok(out)
}

fn op_fs_writev(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let held = fd_arg(args, 0, Rights::WRITE, "write", cx);
    let sources = buffers(&arg(args, 1), cx)?;
    let pos = position(args, 2);
    // Each buffer is lent to the pool where it can be (see `op_fs_write`), else copied.
    let mut lent = Vec::with_capacity(sources.len());
    let mut copies = Vec::new();
    for s in &sources {
        match lend(s, cx, |b| (0, b.len()))? {
            Some(l) => lent.push(Some(l)),
            None => {
                copies.push(with_bytes(s, cx, <[u8]>::to_vec)?);
                lent.push(None);
            }
        }
    }
    run(
        &arg(args, 3),
        Rights::WRITE,
        move || {
            let mut copied = copies.iter();
            let parts: Vec<(*const u8, usize)> = lent
                .iter()
                .map(|l| match l {
                    Some(l) => l.parts(),
                    None => copied
                        .next()
                        .map_or((std::ptr::null(), 0), |c| (c.as_ptr(), c.len())),
                })
                .collect();
            // SAFETY: the lent parts live as long as `sources`, kept by the answer below until
            // after this call; the copies live in this closure.
            unsafe { ops::writev_all_raw(held?.raw(), &parts, pos) }
        },
        move |n, _| {
            drop(sources);
            Ok(JsValue::from(n as f64))
        },
        cx,
    )
}

// ---- metadata ----

/// The arrays a synchronous stat fills, one of each kind per context, as node's
/// `statValues`: making a typed array costs far more than the stat itself, and a synchronous
/// caller reads the fields before its next call. Answers on the pool get arrays of their own.
struct StatValues {
    f64: (JsValue, JsArrayBuffer),
    i64: (JsValue, JsArrayBuffer),
}

pub(crate) const STAT_FIELDS: usize = 18;

impl StatValues {
    fn get(cx: &mut Context) -> JsResult<&StatValues> {
        if cx.get_data::<StatValues>().is_none() {
            let make = |cx: &mut Context| -> JsResult<JsArrayBuffer> {
                JsArrayBuffer::new(STAT_FIELDS * 8, cx)
            };
            let (fb, ib) = (make(cx)?, make(cx)?);
            let f = JsFloat64Array::from_array_buffer(fb.clone(), cx)?;
            let i = JsBigInt64Array::from_array_buffer(ib.clone(), cx)?;
            cx.insert_data(StatValues {
                f64: (f.into(), fb),
                i64: (i.into(), ib),
            });
        }
        Ok(cx.get_data::<StatValues>().expect("inserted above"))
    }
}

/// The stat fields in the order the JS reads them: dev, mode, nlink, uid, gid, rdev, blksize,
/// ino, size, blocks, then seconds and nanoseconds of atime, mtime, ctime and birthtime.
pub(crate) fn stat_fields(s: &Stats) -> [i64; STAT_FIELDS] {
    let t = |t: Timespec| [t.sec, t.nsec as i64];
    let [a, m, c, b] = [t(s.atime), t(s.mtime), t(s.ctime), t(s.birthtime)];
    [
        s.dev as i64,
        s.mode as i64,
        s.nlink as i64,
        s.uid as i64,
        s.gid as i64,
        s.rdev as i64,
        s.blksize as i64,
        s.ino as i64,
        s.size as i64,
        s.blocks as i64,
        a[0],
        a[1],
        m[0],
        m[1],
        c[0],
        c[1],
        b[0],
        b[1],
    ]
}

/// The stats of a synchronous call, in the context's reused array.
fn stats_now(s: Stats, bigint: bool, cx: &mut Context) -> OpResult {
    let fields = stat_fields(&s);
    let values = StatValues::get(cx)?;
    let (array, buffer) = if bigint { &values.i64 } else { &values.f64 };
    let mut data = buffer
        .data_mut()
        .ok_or_else(|| OpError::invalid_arg("detached stat array"))?;
    for (slot, n) in data.chunks_exact_mut(8).zip(fields) {
        let bytes = if bigint {
            n.to_ne_bytes()
        } else {
            (n as f64).to_ne_bytes()
        };
        slot.copy_from_slice(&bytes);
    }
    Ok(array.clone())
}

/// How a stat call answers: a `Stats` object when asked for one (not with bigint, whose
/// `BigIntStats` the glue builds), else the stats array: the reused one when it answers now,
/// else its own.
fn stats_convert(
    now: bool,
    bigint: bool,
    object: bool,
) -> impl FnOnce(Stats, &mut Context) -> OpResult {
    move |s, cx| {
        if object && !bigint {
            let fields = stat_fields(&s).map(|n| n as f64);
            Ok(stats_object(&fields, cx)?.into())
        } else if now {
            stats_now(s, bigint, cx)
        } else {
            stats_array(s, bigint, cx)
        }
    }
}

/// The stats of a call answered from the pool, in an array of their own.
fn stats_array(s: Stats, bigint: bool, cx: &mut Context) -> OpResult {
    let fields = stat_fields(&s);
    if bigint {
        return Ok(JsBigInt64Array::from_iter(fields, cx)?.into());
    }
    Ok(JsFloat64Array::from_iter(fields.map(|n| n as f64), cx)?.into())
}

/// The prototype `op_fs_stats_object` gives its objects: node's `Stats.prototype`, registered
/// by the glue when it defines the class.
#[derive(Trace, Finalize, JsData)]
struct StatsPrototype(JsObject);

/// `op_fs_set_stats_prototype(proto)`: registers `Stats.prototype`.
fn op_fs_set_stats_prototype(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let proto = arg(args, 0)
        .as_object()
        .ok_or_else(|| OpError::invalid_arg("prototype"))?;
    cx.insert_data(StatsPrototype(proto.clone()));
    Ok(JsValue::undefined())
}

/// `op_fs_stats_object(array, offset)`: the `Stats` of the 18 numbers of a `Float64Array` stats
/// array from `offset` on.
fn op_fs_stats_object(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let offset = arg(args, 1).as_number().unwrap_or(0.0) as usize;
    let fields = with_bytes(&arg(args, 0), cx, |bytes| {
        let mut fields = [0f64; STAT_FIELDS];
        let start = offset * 8;
        let bytes = bytes.get(start..start + STAT_FIELDS * 8)?;
        for (field, b) in fields.iter_mut().zip(bytes.chunks_exact(8)) {
            *field = f64::from_ne_bytes(b.try_into().expect("8 bytes"));
        }
        Some(fields)
    })?
    .ok_or_else(|| OpError::invalid_arg("stats array"))?;
    Ok(stats_object(&fields, cx)?.into())
}

/// What `new Stats(...)` makes of the stat fields: the ten numbers, the four times in
/// milliseconds and as Dates, all own data properties in node's order. Built here because
/// defining 18 properties and four Dates from JS costs the engine more than the stat itself.
fn stats_object(fields: &[f64; STAT_FIELDS], cx: &mut Context) -> JsResult<JsObject> {
    const NAMES: [JsString; 10] = [
        js_string!("dev"),
        js_string!("mode"),
        js_string!("nlink"),
        js_string!("uid"),
        js_string!("gid"),
        js_string!("rdev"),
        js_string!("blksize"),
        js_string!("ino"),
        js_string!("size"),
        js_string!("blocks"),
    ];
    const TIMES: [(JsString, JsString); 4] = [
        (js_string!("atimeMs"), js_string!("atime")),
        (js_string!("mtimeMs"), js_string!("mtime")),
        (js_string!("ctimeMs"), js_string!("ctime")),
        (js_string!("birthtimeMs"), js_string!("birthtime")),
    ];
    let proto = match cx.get_data::<StatsPrototype>() {
        Some(p) => p.0.clone(),
        None => cx.intrinsics().constructors().object().prototype(),
    };
    // Milliseconds as node computes them: seconds * 1e3 + nanoseconds / 1e6.
    let ms = |i: usize| fields[10 + 2 * i] * 1e3 + fields[11 + 2 * i] / 1e6;
    let mut dates = Vec::with_capacity(TIMES.len());
    for i in 0..TIMES.len() {
        // Rounded, because Date truncates (as dateFromMs in the glue).
        let date = JsDate::new(cx);
        date.set_time(ms(i).round(), cx)?;
        dates.push(date);
    }
    // An initializer gives the object a shared shape: every Stats then follows the same cached
    // transitions, where a unique shape would rebuild its property table each time.
    let mut init = ObjectInitializer::with_native_data_and_proto(OrdinaryObject, proto, cx);
    for (name, &n) in NAMES.into_iter().zip(fields) {
        init.property(name, n, Attribute::all());
    }
    for (i, (name, _)) in TIMES.iter().enumerate() {
        init.property(name.clone(), ms(i), Attribute::all());
    }
    for ((_, name), date) in TIMES.iter().zip(dates) {
        init.property(name.clone(), date, Attribute::all());
    }
    Ok(init.build())
}

/// `stat` of what `place` resolves to: the resolution's own descriptor, with no second walk.
pub(crate) fn stat_place(place: &Place) -> FsResult<Stats> {
    match place.resolve(Follow::All, "stat")? {
        Target::Resolved(r) => ops::fstat(r.fd().as_raw_fd()).map_err(|e| FsError {
            syscall: "stat",
            ..e.path(place.user())
        }),
        Target::Path(p) => ops::stat(p),
    }
}

fn op_fs_stat(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let place = place_arg(args, 0, Rights::READ, cx)?;
    let bigint = flag(args, 1);
    run(
        &arg(args, 2),
        Rights::READ,
        move || stat_place(&place),
        stats_convert(arg(args, 2).is_undefined(), bigint, flag(args, 3)),
        cx,
    )
}

fn op_fs_lstat(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let place = place_arg(args, 0, Rights::READ, cx)?;
    let bigint = flag(args, 1);
    run(
        &arg(args, 2),
        Rights::READ,
        move || on(&place, Follow::NotLast, "lstat", ops::lstat),
        stats_convert(arg(args, 2).is_undefined(), bigint, flag(args, 3)),
        cx,
    )
}

fn op_fs_fstat(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let held = fd_arg(args, 0, Rights::NONE, "fstat", cx);
    let bigint = flag(args, 1);
    run(
        &arg(args, 2),
        Rights::READ,
        move || ops::fstat(held?.raw()),
        stats_convert(arg(args, 2).is_undefined(), bigint, flag(args, 3)),
        cx,
    )
}

fn op_fs_statfs(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let place = place_arg(args, 0, Rights::READ, cx)?;
    let bigint = flag(args, 1);
    run(
        &arg(args, 2),
        Rights::READ,
        move || on(&place, Follow::All, "statfs", ops::statfs),
        move |s: StatFs, cx| {
            let v = [
                s.kind, s.bsize, s.blocks, s.bfree, s.bavail, s.files, s.ffree,
            ];
            let items: Vec<JsValue> = v
                .iter()
                .map(|&n| {
                    if bigint {
                        JsValue::from(boa_engine::JsBigInt::from(n as i64))
                    } else {
                        JsValue::from(n as f64)
                    }
                })
                .collect();
            Ok(JsArray::from_iter(items, cx).into())
        },
        cx,
    )
}

/// libuv's `UV_DIRENT_*` number for a file type.
fn dirent_type(kind: FileKind) -> i32 {
    match kind {
        FileKind::Unknown => 0,
        FileKind::File => 1,
        FileKind::Dir => 2,
        FileKind::Symlink => 3,
        FileKind::Fifo => 4,
        FileKind::Socket => 5,
        FileKind::CharDevice => 6,
        FileKind::BlockDevice => 7,
    }
}

fn op_fs_readdir(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let place = place_arg(args, 0, Rights::READ, cx)?;
    let with_types = flag(args, 1);
    run(
        &arg(args, 2),
        Rights::READ,
        move || on(&place, Follow::All, "scandir", ops::read_dir),
        move |entries, cx| {
            let names: Vec<JsValue> = entries
                .iter()
                .map(|e| JsString::from(e.name.to_string_lossy().as_ref()).into())
                .collect();
            let names = JsArray::from_iter(names, cx);
            if !with_types {
                return Ok(names.into());
            }
            let types = entries.iter().map(|e| JsValue::from(dirent_type(e.kind)));
            let types = JsArray::from_iter(types, cx);
            Ok(JsArray::from_iter([names.into(), types.into()], cx).into())
        },
        cx,
    )
}

// ---- changing the tree ----

fn op_fs_mkdir(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let place = place_arg(args, 0, Rights::WRITE, cx)?;
    let mode = int(args, 1)? as u32;
    let recursive = flag(args, 2);
    run(
        &arg(args, 3),
        Rights::WRITE,
        move || mkdir(&place, mode, recursive),
        move |first, cx| match first {
            Some(p) if recursive => string(p, cx),
            _ => Ok(JsValue::undefined()),
        },
        cx,
    )
}

fn op_fs_mkdtemp(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let place = place_arg(args, 0, Rights::WRITE, cx)?;
    run(
        &arg(args, 1),
        Rights::WRITE,
        move || mkdtemp(&place),
        string,
        cx,
    )
}

/// `mkdir`, recursive or not, beneath the path's grant. A recursive mkdir makes each missing
/// directory in turn, each one resolved beneath the grant, and answers the first one it made
/// as the program named it.
fn mkdir(place: &Place, mode: u32, recursive: bool) -> FsResult<Option<PathBuf>> {
    if !recursive || place.is_plain() {
        return on(place, Follow::NotLast, "mkdir", |p| {
            ops::mkdir(p, mode, recursive)
        });
    }
    let user = place.user();
    let depth = user.components().count();
    let mut first = None;
    // From the shallowest ancestor down: each that is missing is made.
    for up in (0..depth).rev() {
        let Some(ancestor) = user.ancestors().nth(up) else {
            continue;
        };
        if ancestor.as_os_str().is_empty() {
            continue;
        }
        let Some(sub) = place.within(ancestor) else {
            continue;
        };
        match sub.resolve(Follow::All, "mkdir") {
            Ok(_) => continue,
            Err(e) if e.raw_os_error() == Some(libc::ENOENT) => {}
            Err(e) => return Err(e),
        }
        on(&sub, Follow::NotLast, "mkdir", |p| {
            ops::mkdir(p, mode, false)
        })?;
        first.get_or_insert_with(|| ancestor.to_path_buf());
    }
    Ok(first)
}

/// `mkdtemp(prefix)` beneath the prefix's grant; the answer names the new directory as the
/// program named the prefix.
fn mkdtemp(place: &Place) -> FsResult<PathBuf> {
    if place.is_plain() {
        return ops::mkdtemp(place.user());
    }
    let user = place.user().to_string_lossy().into_owned();
    // `dir/` makes `dir/XXXXXX`; `dir/pre` makes `dir/preXXXXXX`.
    let follow = if user.ends_with('/') {
        Follow::All
    } else {
        Follow::NotLast
    };
    let target = place.resolve(follow, "mkdtemp")?;
    let mut kernel = target.path().into_owned().into_os_string();
    if follow == Follow::All {
        kernel.push("/");
    }
    let made = ops::mkdtemp(Path::new(&kernel)).map_err(|e| place.relabel(e))?;
    let name = made.file_name().unwrap_or_default().to_string_lossy();
    let dir_end = user.rfind('/').map_or(0, |i| i + 1);
    Ok(PathBuf::from(format!("{}{}", &user[..dir_end], name)))
}

/// An op on the name `args[0]` (not following it), needing `WRITE`.
macro_rules! name_op {
    ($name:ident, $syscall:literal, $call:expr) => {
        fn $name(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
            let place = place_arg(args, 0, Rights::WRITE, cx)?;
            run(
                &arg(args, 1),
                Rights::WRITE,
                move || on(&place, Follow::NotLast, $syscall, $call),
                undefined,
                cx,
            )
        }
    };
}

name_op!(op_fs_rmdir, "rmdir", ops::rmdir);
name_op!(op_fs_unlink, "unlink", ops::unlink);
name_op!(op_fs_rm_all, "rm", ops::remove_all);

/// An op on two names, `from` needing `from_rights` and `to` needing `WRITE`; each is resolved
/// beneath its own grant, so neither end can reach out of what was granted.
fn two_names(
    args: &[JsValue],
    from_rights: Rights,
    syscall: &'static str,
    call: fn(&Path, &Path) -> FsResult<()>,
    cx: &mut Context,
) -> OpResult {
    let from = place_arg(args, 0, from_rights, cx)?;
    let to = place_arg(args, 1, Rights::WRITE, cx)?;
    run(
        &arg(args, 2),
        Rights::WRITE,
        move || {
            let both = |e: FsError| e.path(from.user()).dest(to.user());
            let a = from.resolve(Follow::NotLast, syscall).map_err(both)?;
            let b = to.resolve(Follow::NotLast, syscall).map_err(both)?;
            call(&a.path(), &b.path()).map_err(|e| to.relabel_dest(from.relabel(e)))
        },
        undefined,
        cx,
    )
}

fn op_fs_rename(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    two_names(args, Rights::WRITE, "rename", ops::rename, cx)
}

fn op_fs_link(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    // A hard link reaches the file itself, wherever it is: both reading and writing it.
    two_names(args, Rights::READ | Rights::WRITE, "link", ops::link, cx)
}

fn op_fs_symlink(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    // The target is only text; following the link later is checked like any path.
    let target = path_arg(args, 0)?;
    let place = place_arg(args, 1, Rights::WRITE, cx)?;
    run(
        &arg(args, 2),
        Rights::WRITE,
        move || {
            let at = place
                .resolve(Follow::NotLast, "symlink")
                .map_err(|e| e.path(&target).dest(place.user()))?;
            ops::symlink(&target, &at.path()).map_err(|e| place.relabel_dest(e))
        },
        undefined,
        cx,
    )
}

fn op_fs_copyfile(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let src = place_arg(args, 0, Rights::READ, cx)?;
    let dest = place_arg(args, 1, Rights::WRITE, cx)?;
    let mode = int(args, 2)?;
    // COPYFILE_FICLONE_FORCE: a clone or nothing; we do not clone, as libuv on most
    // filesystems (ENOSYS there too).
    if mode & 4 != 0 {
        return Err(OpError::Fs(
            FsError::errno("copyfile", libc::ENOSYS)
                .path(src.user())
                .dest(dest.user()),
        ));
    }
    run(
        &arg(args, 3),
        Rights::WRITE,
        move || {
            ops::copy_file_with(
                || src.open(libc::O_RDONLY, 0),
                |flags, mode| dest.open(flags, mode),
                src.user(),
                dest.user(),
                mode & 1 != 0,
            )
        },
        undefined,
        cx,
    )
}

fn op_fs_readlink(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let p = place_arg(args, 0, Rights::READ, cx)?;
    run(
        &arg(args, 1),
        Rights::READ,
        move || on(&p, Follow::NotLast, "readlink", ops::readlink),
        string,
        cx,
    )
}

fn op_fs_realpath(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let p = place_arg(args, 0, Rights::READ, cx)?;
    run(
        &arg(args, 1),
        Rights::READ,
        move || on(&p, Follow::All, "realpath", ops::realpath),
        string,
        cx,
    )
}

fn op_fs_access(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let mode = int(args, 1)? as i32;
    // Asking whether a file is writable is a question about writing to it.
    let needs = if mode & libc::W_OK != 0 {
        Rights::READ | Rights::WRITE
    } else {
        Rights::READ
    };
    let p = place_arg(args, 0, needs, cx)?;
    run(
        &arg(args, 2),
        Rights::READ,
        move || on(&p, Follow::All, "access", |p| ops::access(p, mode)),
        undefined,
        cx,
    )
}

fn op_fs_exists(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    // A path the program may not read does not exist for it, as in node.
    let Ok(p) = place_arg(args, 0, Rights::READ, cx) else {
        return Ok(false.into());
    };
    let exists = on(&p, Follow::All, "stat", |p| Ok(ops::exists(p))).unwrap_or(false);
    Ok(JsValue::from(exists))
}

fn op_fs_chmod(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let p = place_arg(args, 0, Rights::WRITE, cx)?;
    let mode = int(args, 1)? as u32;
    run(
        &arg(args, 2),
        Rights::WRITE,
        move || on(&p, Follow::All, "chmod", |p| ops::chmod(p, mode)),
        undefined,
        cx,
    )
}

fn op_fs_fchmod(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let held = fd_arg(args, 0, Rights::NONE, "fchmod", cx);
    let mode = int(args, 1)? as u32;
    run(
        &arg(args, 2),
        Rights::WRITE,
        move || ops::fchmod(held?.raw(), mode),
        undefined,
        cx,
    )
}

fn chown_op(args: &[JsValue], nofollow: bool, cx: &mut Context) -> OpResult {
    let p = place_arg(args, 0, Rights::WRITE, cx)?;
    let uid = int(args, 1)? as u32;
    let gid = int(args, 2)? as u32;
    let (follow, syscall) = if nofollow {
        (Follow::NotLast, "lchown")
    } else {
        (Follow::All, "chown")
    };
    run(
        &arg(args, 3),
        Rights::WRITE,
        move || on(&p, follow, syscall, |p| ops::chown(p, uid, gid, nofollow)),
        undefined,
        cx,
    )
}

fn op_fs_chown(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    chown_op(args, false, cx)
}

fn op_fs_lchown(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    chown_op(args, true, cx)
}

fn op_fs_fchown(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let held = fd_arg(args, 0, Rights::NONE, "fchown", cx);
    let uid = int(args, 1)? as u32;
    let gid = int(args, 2)? as u32;
    run(
        &arg(args, 3),
        Rights::WRITE,
        move || ops::fchown(held?.raw(), uid, gid),
        undefined,
        cx,
    )
}

fn op_fs_truncate(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let p = place_arg(args, 0, Rights::WRITE, cx)?;
    let len = int(args, 1)?.max(0) as u64;
    run(
        &arg(args, 2),
        Rights::WRITE,
        move || on(&p, Follow::All, "open", |p| ops::truncate(p, len)),
        undefined,
        cx,
    )
}

fn op_fs_ftruncate(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let held = fd_arg(args, 0, Rights::WRITE, "ftruncate", cx);
    let len = int(args, 1)?.max(0) as u64;
    run(
        &arg(args, 2),
        Rights::WRITE,
        move || ops::ftruncate(held?.raw(), len),
        undefined,
        cx,
    )
}

fn utimes_op(args: &[JsValue], nofollow: bool, cx: &mut Context) -> OpResult {
    let p = place_arg(args, 0, Rights::WRITE, cx)?;
    let atime = time(num(args, 1)?);
    let mtime = time(num(args, 2)?);
    let (follow, syscall) = if nofollow {
        (Follow::NotLast, "lutime")
    } else {
        (Follow::All, "utime")
    };
    run(
        &arg(args, 3),
        Rights::WRITE,
        move || {
            on(&p, follow, syscall, |p| {
                ops::utimes(p, atime, mtime, nofollow)
            })
        },
        undefined,
        cx,
    )
}

fn op_fs_utimes(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    utimes_op(args, false, cx)
}

fn op_fs_lutimes(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    utimes_op(args, true, cx)
}

fn op_fs_futimes(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let held = fd_arg(args, 0, Rights::NONE, "futime", cx);
    let atime = time(num(args, 1)?);
    let mtime = time(num(args, 2)?);
    run(
        &arg(args, 3),
        Rights::WRITE,
        move || ops::futimes(held?.raw(), atime, mtime),
        undefined,
        cx,
    )
}

fn op_fs_fsync(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let held = fd_arg(args, 0, Rights::NONE, "fsync", cx);
    run(
        &arg(args, 1),
        Rights::WRITE,
        move || ops::fsync(held?.raw(), false),
        undefined,
        cx,
    )
}

/// `op_fs_read_only(fd)`: a second number for the same file that refuses writes (`EBADF`), for
/// `actorjs:fs`'s `readOnly`.
fn op_fs_read_only(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let n = arg(args, 0).as_number().unwrap_or(-1.0);
    let s = state(cx);
    s.sweep_if_narrowed();
    let view = s.fds.borrow_mut().attenuate(n, Rights::READ);
    match view {
        Some(v) => Ok((v as f64).into()),
        None => Err(FsError::errno("dup", libc::EBADF).into()),
    }
}

fn op_fs_fdatasync(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let held = fd_arg(args, 0, Rights::NONE, "fdatasync", cx);
    run(
        &arg(args, 1),
        Rights::WRITE,
        move || ops::fsync(held?.raw(), true),
        undefined,
        cx,
    )
}

// ---- whole files ----

/// The most `readFile` hands to JS: node's `kIoMaxLength`.
const IO_MAX_LENGTH: usize = (1 << 31) - 1;

/// What `readFile` read: the bytes, or the size of a file too large to read.
enum WholeFile {
    Data(AlignedVec<u8>),
    TooLarge(u64),
}

/// Reads from `fd`'s position to the end into memory laid out the way the engine keeps array
/// buffers, so the result becomes the JS buffer without a copy. A regular file larger than
/// node's limit is not read at all; other files stop once past it.
fn read_to_end_aligned(fd: RawFd) -> FsResult<WholeFile> {
    let st = ops::fstat(fd)?;
    if st.kind() == FileKind::Dir {
        return Err(FsError::errno("read", libc::EISDIR));
    }
    let hint = if st.kind() == FileKind::File {
        st.size as usize
    } else {
        0
    };
    if hint > IO_MAX_LENGTH {
        return Ok(WholeFile::TooLarge(st.size));
    }
    // One byte more than the size, so a file that did not grow ends with one short read.
    let mut buf = AlignedVec::<u8>::with_capacity(64, hint + 1);
    loop {
        if buf.len() > IO_MAX_LENGTH {
            return Ok(WholeFile::TooLarge(buf.len() as u64));
        }
        if buf.capacity() == buf.len() {
            buf.reserve(buf.capacity().max(64 * 1024));
        }
        let len = buf.len();
        let spare = buf.capacity() - len;
        // SAFETY: the `spare` bytes after `len` are allocated and owned by `buf`.
        let dest = unsafe {
            std::slice::from_raw_parts_mut(
                buf.as_mut_ptr().add(len).cast::<MaybeUninit<u8>>(),
                spare,
            )
        };
        let n = ops::read_into(fd, dest, None)?;
        if n == 0 {
            return Ok(WholeFile::Data(buf));
        }
        // SAFETY: `read_into` initialised `n` more bytes right after the first `len`.
        unsafe { buf.set_len(len + n) };
    }
}

fn to_uint8_array(data: AlignedVec<u8>, cx: &mut Context) -> OpResult {
    let buffer = crate::buffers::adopt_array_buffer(data, cx)?;
    Ok(JsUint8Array::from_array_buffer(buffer, cx)?.into())
}

fn whole_file(read: WholeFile, cx: &mut Context) -> OpResult {
    match read {
        WholeFile::Data(data) => to_uint8_array(data, cx),
        WholeFile::TooLarge(size) => Err(OpError::node(
            ErrorClass::RangeError,
            "ERR_FS_FILE_TOO_LARGE",
            format!("File size ({size}) is greater than 2 GiB"),
        )),
    }
}

fn op_fs_read_file(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let target = arg(args, 0);
    let req = arg(args, 2);
    if target.is_number() {
        let held = fd_arg(args, 0, Rights::READ, "read", cx);
        return run(
            &req,
            Rights::READ,
            move || read_to_end_aligned(held?.raw()),
            whole_file,
            cx,
        );
    }
    let flags = int(args, 1)? as i32;
    let place = place_arg(args, 0, open_needs(flags), cx)?;
    run(
        &req,
        Rights::READ,
        move || {
            let fd = place.open(flags, 0o666)?;
            let data = read_to_end_aligned(fd.as_raw_fd())?;
            ops::close(fd)?;
            Ok(data)
        },
        whole_file,
        cx,
    )
}

fn op_fs_write_file(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let target = arg(args, 0);
    let req = arg(args, 4);
    let sync = req.is_undefined();
    if target.is_number() {
        let held = fd_arg(args, 0, Rights::WRITE, "write", cx);
        if sync {
            let held = held?;
            return with_bytes(&arg(args, 1), cx, |b| ops::write_all(held.raw(), b, None))?
                .map(|()| JsValue::undefined())
                .map_err(OpError::from);
        }
        let data = with_bytes(&arg(args, 1), cx, <[u8]>::to_vec)?;
        return run(
            &req,
            Rights::WRITE,
            move || ops::write_all(held?.raw(), &data, None),
            undefined,
            cx,
        );
    }
    let flags = int(args, 2)? as i32;
    let mode = int(args, 3)? as u32;
    let place = place_arg(args, 0, open_needs(flags), cx)?;
    let write_file = move |place: &Place, data: &[u8]| {
        let fd = place.open(flags, mode)?;
        ops::write_all(fd.as_raw_fd(), data, None)?;
        ops::close(fd)
    };
    if sync {
        return with_bytes(&arg(args, 1), cx, |b| write_file(&place, b))?
            .map(|()| JsValue::undefined())
            .map_err(OpError::from);
    }
    let data = with_bytes(&arg(args, 1), cx, <[u8]>::to_vec)?;
    run(
        &req,
        Rights::WRITE,
        move || write_file(&place, &data),
        undefined,
        cx,
    )
}
