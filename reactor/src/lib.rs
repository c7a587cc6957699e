//! The bottom layer of actorjs: an event loop with no actors and no JavaScript in it.
//!
//! A [`Reactor`] waits for readiness on registered file descriptors (through a [`Backend`]: mio by
//! default, the `polling` crate with the `polling` feature), fires [`timers`](TimerQueue) and hands
//! over completions that other threads post to its [`Inbox`]. A [`Pool`] of worker threads runs
//! blocking work (disk syscalls, DNS) and posts its results back through the inbox.
//!
//! Everything above (actors, the JS facade, the `actorjs` binary) is built from these pieces, and a
//! Rust service can use them alone:
//!
//! ```
//! use std::time::Duration;
//! use reactor::{Handler, Reactor, TimerKey};
//!
//! struct App { fired: Vec<&'static str> }
//!
//! impl Handler for App {
//!     type Completion = &'static str;
//!     type Timer = &'static str;
//!     fn timer(&mut self, _: &mut Reactor<Self>, _: TimerKey, name: &'static str) {
//!         self.fired.push(name);
//!     }
//!     fn completions(&mut self, _: &mut Reactor<Self>, batch: &mut Vec<&'static str>) {
//!         self.fired.extend(batch.drain(..));
//!     }
//! }
//!
//! let mut reactor = Reactor::<App>::new().unwrap();
//! let mut app = App { fired: Vec::new() };
//! reactor.insert_timer(Duration::from_millis(1), "timer");
//! let sender = reactor.sender();
//! std::thread::spawn(move || sender.post("from another thread").unwrap()).join().unwrap();
//! while app.fired.len() < 2 {
//!     reactor.run_once(&mut app, None).unwrap();
//! }
//! assert!(app.fired.contains(&"timer") && app.fired.contains(&"from another thread"));
//! ```
#![warn(missing_docs)]

#[cfg(not(target_pointer_width = "64"))]
compile_error!("actorjs packs a token's index and generation into a 64-bit word");

mod clock;
mod inbox;
mod pool;
mod reactor;
mod sources;
pub mod sync;
pub mod sys;
mod timer;
mod token;

pub use clock::Clock;
pub use inbox::{Closed, Inbox, Sender, Wake};
pub use pool::{
    Pool, PoolConfig, PoolError, SubmitError, Task, panic_message, pool_size_from_env, task_from_fn,
};
pub use reactor::{Handler, Reactor};
pub use sources::Sources;
pub use sys::{Backend, DefaultBackend};
pub use timer::{TimerKey, TimerQueue};
pub use token::{Interest, Ready, Token};
