//! actorjs's actor system: every open file, socket and listener is an actor, a small state
//! machine that owns one resource and is reached only by messages.
//!
//! - [`Actor`], [`Message`] (with its reply type) and [`Handler`] define an actor; [`Addr`] reaches
//!   it from any thread; replies come back as `std::future::Future`s ([`ReplyFuture`]) or as
//!   callbacks on the reactor thread ([`System::callback`], [`Context::ask`]).
//! - [`System`] runs actors on one [`reactor`] thread, catches their panics (supervision), tracks what
//!   keeps it alive and lists its live actors.
//! - Capabilities: an [`Addr`] carries [`Rights`]; [`Addr::attenuate`] narrows them and
//!   [`Addr::revocable`] makes a reference that can be switched off.
//! - Actor kinds: [`file`] (one per open descriptor), [`pool`] (blocking filesystem calls on worker
//!   threads), [`socket`] (TCP and Unix streams), [`server`] (listeners) and [`watcher`]
//!   (filesystem change notification on inotify, or by polling).
//! - [`stat_watcher`]: a file's stats compared at an interval, as `fs.watchFile` reports them.
//! - [`lock`]: advisory `flock` locks as an actor, pidfile locks and atomic writes.
//! - [`process`]: child processes, watched by an actor until they exit, or run to their end.
//!
//! Nothing here depends on a JavaScript engine: a Rust service can embed it as it is (see
//! `examples/` at the repository root).
#![warn(missing_docs)]

mod actor;
mod addr;
mod context;
mod envelope;
mod error;
pub mod file;
mod id;
pub mod lock;
#[cfg(all(test, loom))]
mod loom_models;
pub mod net;
pub mod pool;
pub mod process;
mod reply;
mod rights;
pub mod server;
pub mod signals;
pub mod socket;
pub mod stat_watcher;
pub mod sys;
mod system;
pub mod watcher;

pub use actor::{Actor, Down, Handler, Message};
pub use addr::Addr;
pub use context::Context;
pub use error::{ActorError, StopReason};
pub use id::ActorId;
pub use reply::{ReplyFuture, ReplyTo};
pub use rights::{Revoker, Rights};
pub use system::{ActorInfo, BUDGET, Liveness, System, SystemHandle};

pub use reactor;
