//! Node's API semantics for actorjs: the JS glue under `js/` (embedded in the binary) and the
//! native ops it calls, named `op_<area>_<verb>`.
//!
//! The glue validates arguments exactly as Node does and keeps Node's object model (streams,
//! emitters, classes); the ops do the work in Rust, on actors where a resource is involved. Ops
//! return [`OpResult`]: the host (`boa_host`) is the one place that turns an [`OpError`] into a
//! JS error with Node's shape.
#![warn(missing_docs)]

pub mod buffers;
pub mod node;
mod ops;
pub mod state;

pub use ops::{Binding, ErrorClass, OpError, OpFn, OpResult, bindings};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/builtins.rs"));
}

/// The source of the builtin module `id` (`"events"`, `"internal/errors"`, `"bootstrap/node"`).
/// Public modules live under `node/` in `js/`; `id` may name them with or without that prefix.
pub fn builtin_source(id: &str) -> Option<&'static str> {
    let find = |key: &str| {
        embedded::BUILTINS
            .binary_search_by(|(k, _)| (*k).cmp(key))
            .ok()
            .map(|i| embedded::BUILTINS[i].1)
    };
    if id.starts_with("internal/") || id.starts_with("bootstrap/") {
        return find(id);
    }
    find(&format!("node/{id}"))
}

/// The public builtin modules (`module.builtinModules`), sorted.
pub fn public_modules() -> Vec<&'static str> {
    embedded::BUILTINS
        .iter()
        .filter_map(|(id, _)| id.strip_prefix("node/"))
        .collect()
}

/// Whether `name` (without `node:`) is a public builtin module.
pub fn is_public_module(name: &str) -> bool {
    builtin_source(name).is_some()
        && !name.starts_with("internal/")
        && !name.starts_with("bootstrap/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_are_found_by_id() {
        assert!(builtin_source("internal/errors").is_some());
        assert!(builtin_source("nonexistent").is_none());
        assert!(public_modules().windows(2).all(|w| w[0] < w[1]));
    }
}
