//! Copies a file with two file actors and the worker pool: the reactor thread never blocks on
//! the disk, and several chunks are in flight at once.
//!
//! Run it:
//!
//! ```text
//! cargo run --release -p actorjs-examples --example file_copy -- SOURCE DESTINATION
//! ```
//!
//! What it shows:
//! - [`DiskPool`] opens files and answers with [`File`] actors owning the descriptors.
//! - A `Copier` actor drives the copy with [`Context::ask`]: it asks the source for a chunk at an
//!   offset ([`ReadAt`], which may run concurrently) and hands each chunk to the destination
//!   ([`WriteAt`]), keeping up to `IN_FLIGHT` chunks moving, then closes both files.
//! - The bytes read are the bytes written: [`bytes::Bytes`] passes the buffer along without a copy.

use std::path::PathBuf;
use std::time::Instant;

use actors::file::{Close, File, Fstat, ReadAt, WriteAt};
use actors::pool::{DiskPool, FsError, OpenFile};
use actors::{Actor, ActorError, Addr, Context, Handler, Message, ReplyTo, System};

const CHUNK: usize = 1 << 20;
const IN_FLIGHT: u64 = 4;

struct Copier {
    src: Addr<File>,
    dst: Addr<File>,
    size: u64,
    next: u64,
    active: u64,
    written: u64,
    done: Option<ReplyTo<Result<u64, String>>>,
}

/// Starts the copy; answered with the bytes copied.
struct Start;
impl Message for Start {
    type Reply = Result<u64, String>;
}

impl Actor for Copier {
    const KIND: &'static str = "copier";
}

impl Copier {
    /// Keeps up to `IN_FLIGHT` chunks moving.
    fn pump(&mut self, cx: &mut Context<'_, Self>) {
        while self.active < IN_FLIGHT && self.next < self.size {
            let offset = self.next;
            self.next += CHUNK as u64;
            self.active += 1;
            cx.ask(
                &self.src,
                ReadAt {
                    len: CHUNK,
                    offset,
                    cancel: None,
                },
                move |this: &mut Copier, r, cx| match flatten(r) {
                    Ok(data) => {
                        let dst = this.dst.clone();
                        cx.ask(
                            &dst,
                            WriteAt {
                                data,
                                offset,
                                cancel: None,
                            },
                            |this: &mut Copier, r, cx| match flatten(r) {
                                Ok(n) => {
                                    this.written += n as u64;
                                    this.active -= 1;
                                    this.pump(cx);
                                }
                                Err(e) => this.finish(Err(e), cx),
                            },
                        );
                    }
                    Err(e) => this.finish(Err(e), cx),
                },
            );
        }
        if self.active == 0 && self.next >= self.size {
            let written = self.written;
            self.finish(Ok(written), cx);
        }
    }

    fn finish(&mut self, result: Result<u64, String>, cx: &mut Context<'_, Self>) {
        let _ = self.src.tell(Close {});
        let _ = self.dst.tell(Close {});
        if let Some(done) = self.done.take() {
            done.send(result);
        }
        cx.stop();
    }
}

impl Handler<Start> for Copier {
    fn handle(
        &mut self,
        _: Start,
        reply: ReplyTo<Result<u64, String>>,
        cx: &mut Context<'_, Self>,
    ) {
        self.done = Some(reply);
        let src = self.src.clone();
        cx.ask(&src, Fstat {}, |this: &mut Copier, r, cx| {
            match flatten(r) {
                Ok(stat) => {
                    this.size = stat.size;
                    this.pump(cx);
                }
                Err(e) => this.finish(Err(e), cx),
            }
        });
    }
}

fn flatten<T>(r: Result<Result<T, FsError>, ActorError>) -> Result<T, String> {
    match r {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(e.to_string()),
        Err(e) => Err(e.to_string()),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(from), Some(to)) = (args.next(), args.next()) else {
        eprintln!("usage: file_copy SOURCE DESTINATION");
        std::process::exit(2);
    };
    let start = Instant::now();
    let mut system = System::new()?;
    let disk = system.spawn(DiskPool);

    // Open both files; each answer is a File actor.
    let open = |path: &str, flags| OpenFile {
        path: PathBuf::from(path),
        flags,
        mode: 0o644,
    };
    let mut src = disk.ask(open(&from, libc::O_RDONLY));
    let mut dst = disk.ask(open(&to, libc::O_WRONLY | libc::O_CREAT | libc::O_TRUNC));
    let (mut s, mut d) = (None, None);
    system.run_until(
        |_| {
            s = s.take().or_else(|| src.try_take());
            d = d.take().or_else(|| dst.try_take());
            s.is_some() && d.is_some()
        },
        std::time::Duration::from_millis(10),
    )?;
    let src = s.expect("answered")??;
    let dst = d.expect("answered")??;

    let copier = system.spawn(Copier {
        src,
        dst,
        size: 0,
        next: 0,
        active: 0,
        written: 0,
        done: None,
    });
    let mut done = copier.ask(Start);
    let mut result = None;
    system.run_until(
        |_| {
            result = done.try_take();
            result.is_some()
        },
        std::time::Duration::from_millis(10),
    )?;
    // Let the closes finish before reporting.
    system.run()?;
    let copied = result.expect("answered")??;
    let secs = start.elapsed().as_secs_f64();
    println!(
        "copied {copied} bytes in {:.3} s ({:.1} MiB/s)",
        secs,
        copied as f64 / secs / (1 << 20) as f64
    );
    Ok(())
}
