//! The actorjs runtime: Boa with Node's event loop, module system, `process` and `console`, on
//! the actor system. The `actorjs` binary is a thin CLI over [`Runtime`]; a Rust service can embed
//! the runtime the same way.
//!
//! ```no_run
//! use boa_host::{Entry, Runtime, RuntimeOptions};
//! let mut rt = Runtime::new(RuntimeOptions::for_script("app.js", Vec::new())).unwrap();
//! let code = rt.run(Entry::File("app.js".into()));
//! std::process::exit(code);
//! ```
#![warn(missing_docs)]

mod bindings;
mod engine_fixes;
mod errors;
mod event_loop;
mod host;
mod jobs;
mod modules;
mod timers;
mod vm;

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Instant;

use actors::System;
use boa_engine::object::FunctionObjectBuilder;
use boa_engine::{Context, JsObject, JsString, JsValue, NativeFunction, js_string};

pub use facade::authority::{Authority, GrantId, Scope};

use crate::bindings::EngineStackGetter;
use crate::errors::{call, opaque, plain_text};
use crate::host::Host;
use crate::jobs::{Hooks, Jobs, Rejections};
use crate::modules::{Loader, ModuleHost};

/// The Node.js version whose API actorjs implements (`process.version`).
pub const NODE_VERSION: &str = "v20.20.2";

/// How the runtime is started.
#[derive(Debug, Clone)]
pub struct RuntimeOptions {
    /// `process.argv`: the executable, the script, then its arguments.
    pub argv: Vec<String>,
    /// `process.execArgv`.
    pub exec_argv: Vec<String>,
    /// `process.execPath`.
    pub exec_path: String,
    /// Modules to require before the entry point (`-r`).
    pub preload: Vec<String>,
    /// Whether `-p` prints the result of `-e`.
    pub print: bool,
    /// What the script may reach outside itself. [`RuntimeOptions::for_script`] starts with
    /// none; the CLI gives full authority unless its flags say otherwise.
    pub authority: Arc<Authority>,
    /// Whether `process.exit` and a fatal exception end the whole process, as they do for the
    /// CLI. Off for an embedded script ([`RuntimeOptions::for_script`]): the script's JS stops
    /// and [`Runtime::run`] returns its exit code, leaving the host running.
    pub exit_ends_process: bool,
    /// A descriptor the parent process gave as node's IPC channel (`NODE_CHANNEL_FD`): a
    /// connected Unix stream socket. The runtime owns it from here and `process.send` and
    /// `'message'` use it. `None` for an embedded script.
    pub ipc_channel: Option<std::os::fd::RawFd>,
}

impl RuntimeOptions {
    /// Options for running `script` with `args`, as `actorjs script args...` would.
    pub fn for_script(script: impl Into<String>, args: Vec<String>) -> RuntimeOptions {
        let exec_path = std::env::current_exe()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_else(|_| "actorjs".into());
        let mut argv = vec![exec_path.clone(), script.into()];
        argv.extend(args);
        RuntimeOptions {
            argv,
            exec_argv: Vec::new(),
            exec_path,
            preload: Vec::new(),
            print: false,
            authority: Authority::none(),
            exit_ends_process: false,
            ipc_channel: None,
        }
    }
}

/// What to run.
#[derive(Debug, Clone)]
pub enum Entry {
    /// A script or module file.
    File(PathBuf),
    /// Source given on the command line (`-e`).
    Eval(String),
    /// A script read from standard input.
    Stdin(String),
    /// The interactive read-eval-print loop.
    Repl,
}

/// One JS context with its event loop.
pub struct Runtime {
    cx: Context,
    /// The functions `bootstrap/node` returned: how to run each kind of entry.
    entry: JsObject,
}

/// `__actorjsTrace(on)`: Boa's instruction trace on or off, for the profile of a region.
#[cfg(feature = "js-trace")]
fn install_trace(cx: &mut Context) {
    use boa_engine::property::Attribute;
    let f = NativeFunction::from_fn_ptr(|_, args, cx| {
        cx.set_trace(args.first().is_some_and(JsValue::to_boolean));
        Ok(JsValue::undefined())
    });
    let f = FunctionObjectBuilder::new(cx.realm(), f)
        .name(js_string!("__actorjsTrace"))
        .length(1)
        .build();
    let _ = cx.register_global_property(js_string!("__actorjsTrace"), f, Attribute::all());
}

impl Runtime {
    /// Creates the context, the actor system and the Node environment (globals, `process`).
    pub fn new(options: RuntimeOptions) -> Result<Runtime, String> {
        let started = Instant::now();
        let jobs = Rc::new(Jobs::default());
        let rejections = Rc::new(RefCell::new(Rejections::default()));
        let state_requests = facade::state::Requests::default();
        let pending_global = vm::PendingGlobal::default();
        let mut cx = Context::builder()
            .job_executor(jobs.clone())
            .module_loader(Rc::new(Loader))
            .host_hooks(Rc::new(Hooks {
                rejections: rejections.clone(),
                frame: state_requests.frame.clone(),
                pending_global: pending_global.clone(),
            }))
            .build()
            .map_err(|e| e.to_string())?;
        // Node (V8) allows about 10,800 frames of a small recursive function; Boa's defaults are far
        // lower. Going past these limits is an error scripts cannot catch in Boa 0.22.
        cx.runtime_limits_mut().set_recursion_limit(12_000);
        cx.runtime_limits_mut().set_stack_size_limit(4 << 20);
        let system = System::new().map_err(|e| format!("cannot start the actor system: {e}"))?;
        cx.insert_data(Rc::new(facade::state::State::with_requests(
            system,
            options.authority.clone(),
            state_requests,
        )));
        cx.insert_data(Rc::new(Host::new(jobs, rejections, ModuleHost::default())));
        cx.insert_data(pending_global);
        cx.insert_data(facade::node::process::ProcessConfig {
            argv: options.argv.clone(),
            exec_argv: options.exec_argv.clone(),
            exec_path: options.exec_path.clone(),
            started,
            exit_ends_process: options.exit_ends_process,
            ipc_channel: std::cell::Cell::new(options.ipc_channel),
        });
        let getter =
            engine_stack_getter(&mut cx).ok_or("the engine has no Error.prototype.stack")?;
        cx.insert_data(EngineStackGetter(getter));
        engine_fixes::install(&mut cx).map_err(|e| format!("cannot set up the engine: {e}"))?;
        #[cfg(feature = "js-trace")]
        install_trace(&mut cx);

        let entry = bootstrap(&mut cx, &options).map_err(|e| {
            let v = opaque(e, &mut cx);
            format!("bootstrap failed: {}", plain_text(&v, &mut cx))
        })?;
        Ok(Runtime { cx, entry })
    }

    /// Runs `entry`, then the event loop until nothing is left; returns the exit code.
    pub fn run(&mut self, entry: Entry) -> i32 {
        let (method, arg): (&str, JsValue) = match &entry {
            Entry::File(p) => (
                "runMain",
                JsString::from(p.to_string_lossy().as_ref()).into(),
            ),
            Entry::Eval(src) => ("runEval", JsString::from(src.as_str()).into()),
            Entry::Stdin(src) => ("runStdin", JsString::from(src.as_str()).into()),
            Entry::Repl => ("runRepl", JsValue::undefined()),
        };
        let cx = &mut self.cx;
        let f = self
            .entry
            .get(JsString::from(method), cx)
            .ok()
            .and_then(|v| v.as_object());
        if let Some(f) = f
            && let Err(e) = call(&f, &[arg], cx)
        {
            event_loop::uncaught(e, cx);
        }
        event_loop::run(cx)
    }
}

/// Boa's own `Error.prototype.stack` getter, kept so the glue can build V8-style stacks from the
/// engine's frames.
fn engine_stack_getter(cx: &mut Context) -> Option<JsObject> {
    let proto = cx.intrinsics().constructors().error().prototype();
    let desc = errors::own_descriptor(&proto, js_string!("stack").into(), cx)
        .ok()
        .flatten()?;
    desc.get(js_string!("get"), cx).ok()?.as_object()
}

/// Runs `bootstrap/loaders` (the builtin module loader) and then `bootstrap/node`, which sets up
/// the globals and `process` and returns the entry runners.
fn bootstrap(cx: &mut Context, options: &RuntimeOptions) -> boa_engine::JsResult<JsObject> {
    let internal_binding = FunctionObjectBuilder::new(
        cx.realm(),
        NativeFunction::from_fn_ptr(bindings::internal_binding),
    )
    .name(js_string!("internalBinding"))
    .length(1)
    .build();
    let loaders = modules::compile_builtin("bootstrap/loaders", cx)?;
    let module = JsObject::with_object_proto(cx.intrinsics());
    let exports = JsObject::with_object_proto(cx.intrinsics());
    module.set(js_string!("exports"), exports.clone(), false, cx)?;
    call(
        &loaders,
        &[
            exports.into(),
            JsValue::undefined(),
            module.clone().into(),
            internal_binding.into(),
        ],
        cx,
    )?;
    let loaders_exports = module.get(js_string!("exports"), cx)?;
    let builtin_require = loaders_exports
        .as_object()
        .and_then(|o| o.get(js_string!("builtinRequire"), cx).ok())
        .and_then(|v| v.as_object())
        .ok_or_else(|| {
            boa_engine::JsNativeError::error()
                .with_message("bootstrap/loaders exports no builtinRequire")
        })?;
    let node = call(&builtin_require, &[js_string!("bootstrap/node").into()], cx)?;
    let node = node.as_object().ok_or_else(|| {
        boa_engine::JsNativeError::error().with_message("bootstrap/node exports nothing")
    })?;
    let setup = node
        .get(js_string!("setup"), cx)?
        .as_object()
        .ok_or_else(|| {
            boa_engine::JsNativeError::error().with_message("bootstrap/node exports no setup")
        })?;
    let opts = JsObject::with_object_proto(cx.intrinsics());
    let preload = boa_engine::object::builtins::JsArray::from_iter(
        options
            .preload
            .iter()
            .map(|p| JsValue::from(JsString::from(p.as_str()))),
        cx,
    );
    opts.set(js_string!("preload"), preload, false, cx)?;
    opts.set(js_string!("print"), options.print, false, cx)?;
    opts.set(
        js_string!("nodeVersion"),
        JsString::from(NODE_VERSION),
        false,
        cx,
    )?;
    opts.set(
        js_string!("actorjsVersion"),
        JsString::from(env!("CARGO_PKG_VERSION")),
        false,
        cx,
    )?;
    let entry = call(&setup, &[opts.into()], cx)?;
    entry.as_object().ok_or_else(|| {
        boa_engine::JsNativeError::error()
            .with_message("setup returned nothing")
            .into()
    })
}
