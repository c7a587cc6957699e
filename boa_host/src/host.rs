//! The host's own state for one context: timers, immediates, the `nextTick` queue, the
//! microtask queue, rejection tracking, and the JS functions the bootstrap hands back for the
//! loop to call. Ops reach it through the context (`host(cx)`).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use actors::reactor::{Clock, TimerQueue};
use boa_engine::{Context, JsObject, JsValue};

use crate::jobs::{Jobs, Rejections};
use crate::modules::ModuleHost;

/// The JS functions the loop calls, set once by the bootstrap (`op_host_set_hooks`).
pub(crate) struct JsHooks {
    /// `runTimer(timeout)`: runs a due timer's callback (and re-arms an interval).
    pub(crate) run_timer: JsObject,
    /// `runImmediate(immediate)`.
    pub(crate) run_immediate: JsObject,
    /// `emit(name, ...args)` on `process`.
    pub(crate) emit: JsObject,
    /// `fatalException(err)`: true if an `'uncaughtException'` listener took it.
    pub(crate) fatal_exception: JsObject,
    /// `unhandledRejection(promise, reason)`: true if handled (listener or warn mode).
    pub(crate) unhandled_rejection: JsObject,
    /// `rejectionHandled(promise)`.
    pub(crate) rejection_handled: JsObject,
    /// `formatFatal(err)`: the text printed for an uncaught exception.
    pub(crate) format_fatal: JsObject,
}

/// See the [module documentation](self).
pub(crate) struct Host {
    pub(crate) timers: RefCell<TimerQueue<JsObject>>,
    clock: Clock,
    now: Cell<u64>,
    /// `setImmediate`'s queue: the Immediate and the async context frame it runs in.
    pub(crate) immediates: RefCell<VecDeque<(JsObject, JsValue)>>,
    pub(crate) refed_immediates: Cell<usize>,
    /// `process.nextTick`'s queue: callback, arguments, and the async context frame.
    pub(crate) ticks: RefCell<VecDeque<(JsObject, Vec<JsValue>, JsValue)>>,
    pub(crate) jobs: Rc<Jobs>,
    pub(crate) rejections: Rc<RefCell<Rejections>>,
    pub(crate) hooks: RefCell<Option<JsHooks>>,
    pub(crate) modules: ModuleHost,
    /// Set by `process.exitCode` and `process.exit`.
    pub(crate) exit_code: Cell<i32>,
}

impl Host {
    pub(crate) fn new(
        jobs: Rc<Jobs>,
        rejections: Rc<RefCell<Rejections>>,
        modules: ModuleHost,
    ) -> Host {
        let clock = Clock::new();
        Host {
            timers: RefCell::new(TimerQueue::new()),
            now: Cell::new(clock.now_ms()),
            clock,
            immediates: RefCell::new(VecDeque::new()),
            refed_immediates: Cell::new(0),
            ticks: RefCell::new(VecDeque::new()),
            jobs,
            rejections,
            hooks: RefCell::new(None),
            modules,
            exit_code: Cell::new(0),
        }
    }

    /// Loop time (milliseconds), read at the start of a phase, as libuv's `uv_now`.
    pub(crate) fn now(&self) -> u64 {
        self.now.get()
    }

    /// Reads the clock.
    pub(crate) fn update_now(&self) -> u64 {
        let now = self.clock.now_ms().max(self.now.get());
        self.now.set(now);
        now
    }

    /// How long until the clock reads `ms`.
    pub(crate) fn until(&self, ms: u64) -> std::time::Duration {
        self.clock.until(ms)
    }

    /// A clone of a hook, so no borrow is held while JS runs.
    pub(crate) fn hook(&self, pick: impl FnOnce(&JsHooks) -> &JsObject) -> Option<JsObject> {
        self.hooks.borrow().as_ref().map(|h| pick(h).clone())
    }
}

/// The host of the context `cx`.
pub(crate) fn host(cx: &Context) -> Rc<Host> {
    cx.get_data::<Rc<Host>>()
        .cloned()
        .expect("the runtime installs the host before running JS")
}
