//! The job queue: ECMAScript jobs (promise reactions, module loading) as microtasks, and the
//! host hook that tracks promise rejections for `'unhandledRejection'`.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::pin;
use std::rc::Rc;
use std::task::{Context as TaskContext, Poll, Waker};

use boa_engine::builtins::promise::OperationType;
use boa_engine::context::HostHooks;
use boa_engine::context::intrinsics::Intrinsics;
use boa_engine::job::{GenericJob, Job, JobCallback, JobExecutor, NativeAsyncJob, PromiseJob};
use boa_engine::object::builtins::{JsFunction, JsPromise};
use boa_engine::{Context, JsData, JsObject, JsResult, JsValue};
use boa_gc::{Finalize, Trace};
use facade::state::AsyncFrame;

/// Microtasks, in the order the engine (or `queueMicrotask`) enqueued them.
#[derive(Default)]
pub(crate) struct Jobs {
    promise: RefCell<VecDeque<PromiseJob>>,
    generic: RefCell<VecDeque<GenericJob>>,
    futures: RefCell<VecDeque<NativeAsyncJob>>,
}

impl Jobs {
    pub(crate) fn is_empty(&self) -> bool {
        self.promise.borrow().is_empty()
            && self.generic.borrow().is_empty()
            && self.futures.borrow().is_empty()
    }

    pub(crate) fn push(&self, job: PromiseJob) {
        self.promise.borrow_mut().push_back(job);
    }

    /// Runs microtasks until none is left. Stops at the first one that fails (an uncaught
    /// exception); the caller reports it and calls again for the rest.
    pub(crate) fn run(&self, cx: &mut Context) -> JsResult<()> {
        loop {
            // A script that ended runs nothing more.
            if crate::event_loop::ended(cx) {
                return Ok(());
            }
            let future = self.futures.borrow_mut().pop_front();
            if let Some(job) = future {
                let cell = RefCell::new(&mut *cx);
                run_to_completion(job.call(&cell))?;
                continue;
            }
            let job = self.promise.borrow_mut().pop_front();
            if let Some(job) = job {
                job.call(cx)?;
                continue;
            }
            let job = self.generic.borrow_mut().pop_front();
            if let Some(job) = job {
                job.call(cx)?;
                continue;
            }
            return Ok(());
        }
    }
}

/// Drives a future that is expected to be ready: the module loader answers synchronously, so
/// the engine's loading futures never wait on anything outside this thread.
fn run_to_completion<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = TaskContext::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = future.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

impl JobExecutor for Jobs {
    fn enqueue_job(self: Rc<Self>, job: Job, _: &mut Context) {
        match job {
            Job::PromiseJob(j) => self.promise.borrow_mut().push_back(j),
            Job::GenericJob(j) => self.generic.borrow_mut().push_back(j),
            Job::AsyncJob(j) => self.futures.borrow_mut().push_back(j),
            // FinalizationRegistry cleanups are optional by the spec; timeouts and intervals are
            // the host's own (setTimeout), never enqueued by the engine.
            _ => {}
        }
    }

    fn run_jobs(self: Rc<Self>, cx: &mut Context) -> JsResult<()> {
        self.run(cx)
    }
}

/// Rejections seen by the engine since the last check: rejected without a handler, and handled
/// after being reported.
#[derive(Default)]
pub(crate) struct Rejections {
    pub(crate) unhandled: Vec<JsObject>,
    /// Promises already reported as unhandled (for `'rejectionHandled'`).
    pub(crate) reported: Vec<JsObject>,
    pub(crate) handled_late: Vec<JsObject>,
}

/// The host hooks: rejection tracking, and the async context frame a promise reaction runs in.
pub(crate) struct Hooks {
    pub(crate) rejections: Rc<RefCell<Rejections>>,
    /// The context's frame (see [`facade::state::AsyncFrame`]).
    pub(crate) frame: AsyncFrame,
    /// The global object of the realm being made for a `vm` context.
    pub(crate) pending_global: crate::vm::PendingGlobal,
}

/// The frame current when a reaction was registered (`then`, `await`).
#[derive(Trace, Finalize, JsData)]
struct Frame(JsValue);

impl HostHooks for Hooks {
    fn create_global_object(&self, intrinsics: &Intrinsics) -> JsObject {
        match self.pending_global.0.borrow_mut().take() {
            Some(global) => global,
            None => JsObject::with_object_proto(intrinsics),
        }
    }

    fn make_job_callback(&self, callback: JsFunction, _: &mut Context) -> JobCallback {
        let frame = self.frame.get();
        if frame.is_undefined() {
            JobCallback::new(callback, ())
        } else {
            JobCallback::new(callback, Frame(frame))
        }
    }

    fn call_job_callback(
        &self,
        job: &JobCallback,
        this: &JsValue,
        args: &[JsValue],
        cx: &mut Context,
    ) -> JsResult<JsValue> {
        let frame = job
            .host_defined()
            .as_any()
            .downcast_ref::<Frame>()
            .map(|f| f.0.clone())
            .unwrap_or_default();
        let before = self.frame.exchange(frame);
        let result = job.callback().call(this, args, cx);
        self.frame.exchange(before);
        result
    }

    fn promise_rejection_tracker(
        &self,
        promise: &JsObject<boa_engine::builtins::promise::Promise>,
        op: OperationType,
        _: &mut Context,
    ) {
        let promise: JsObject = promise.clone().upcast();
        let mut r = self.rejections.borrow_mut();
        match op {
            OperationType::Reject => r.unhandled.push(promise),
            OperationType::Handle => {
                if let Some(i) = r.unhandled.iter().position(|p| *p == promise) {
                    r.unhandled.remove(i);
                } else if let Some(i) = r.reported.iter().position(|p| *p == promise) {
                    r.reported.remove(i);
                    r.handled_late.push(promise);
                }
            }
        }
    }
}

/// The settled value of a promise, if it has settled.
pub(crate) fn settled(
    promise: &JsPromise,
) -> Option<Result<boa_engine::JsValue, boa_engine::JsValue>> {
    match promise.state() {
        boa_engine::builtins::promise::PromiseState::Pending => None,
        boa_engine::builtins::promise::PromiseState::Fulfilled(v) => Some(Ok(v)),
        boa_engine::builtins::promise::PromiseState::Rejected(e) => Some(Err(e)),
    }
}
