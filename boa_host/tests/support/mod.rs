//! Helpers shared by the integration tests that embed the runtime.

use std::thread::JoinHandle;

use boa_host::{Authority, Entry, Runtime, RuntimeOptions};

/// Runs `source` as an embedded script under `authority`, on a thread of its own with room for
/// the engine's stack, as a service embedding actorjs would; the handle gives its exit code.
pub(crate) fn run_embedded(
    authority: std::sync::Arc<Authority>,
    source: String,
) -> JoinHandle<i32> {
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let mut options = RuntimeOptions::for_script("[embedded]", Vec::new());
            options.authority = authority;
            let mut rt = Runtime::new(options).expect("the runtime starts");
            rt.run(Entry::Eval(source))
        })
        .expect("the script's thread starts")
}
