//! Node's API semantics for actorjs: the JS glue under `js/` (embedded in the binary) and the
//! native ops it calls, named `op_<area>_<verb>`.
//!
//! The glue validates arguments exactly as Node does and keeps Node's object model (streams,
//! emitters, classes); the ops do the work in Rust, on actors where a resource is involved. Ops
//! return [`OpResult`]: the host (`boa_host`) is the one place that turns an [`OpError`] into a
//! JS error with Node's shape.
#![warn(missing_docs)]

pub mod authority;
pub mod buffers;
pub mod fds;
pub mod node;
mod ops;
pub mod state;

pub use ops::{Binding, ErrorClass, OpError, OpFn, OpResult, bindings};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/builtins.rs"));
}

/// Where a builtin module's file lives under `js/`: public modules under `node/`.
fn builtin_file(id: &str) -> String {
    if id.starts_with("internal/") || id.starts_with("bootstrap/") {
        format!("{id}.js")
    } else if let Some(name) = id.strip_prefix("actorjs:") {
        // actorjs's own modules (`actorjs:fs`) live under `actorjs/`.
        format!("actorjs/{name}.js")
    } else {
        format!("node/{id}.js")
    }
}

/// With `ACTORJS_DEV_BUILTINS=<dir>` (a development aid), builtins are read from `<dir>` (this
/// crate's `js/` folder) instead of the copies embedded at build time, so the glue can change
/// without a rebuild; files added since the build are found too.
fn dev_dir() -> Option<std::path::PathBuf> {
    std::env::var_os("ACTORJS_DEV_BUILTINS").map(std::path::PathBuf::from)
}

/// The source of the builtin module `id` (`"events"`, `"internal/errors"`, `"bootstrap/node"`).
/// Public modules live under `node/` in `js/`; `id` names them without that prefix.
pub fn builtin_source(id: &str) -> Option<std::borrow::Cow<'static, str>> {
    if let Some(dir) = dev_dir()
        && let Ok(bytes) = actors::pool::ops::read_file(&dir.join(builtin_file(id)))
    {
        return Some(std::borrow::Cow::Owned(
            String::from_utf8_lossy(&bytes).into_owned(),
        ));
    }
    embedded::BUILTINS
        .binary_search_by(|(k, _)| (*k).cmp(builtin_file(id).trim_end_matches(".js")))
        .ok()
        .map(|i| std::borrow::Cow::Borrowed(embedded::BUILTINS[i].1))
}

/// The public builtin modules (`module.builtinModules`), sorted.
pub fn public_modules() -> Vec<String> {
    let mut names: Vec<String> = embedded::BUILTINS
        .iter()
        .filter_map(|(id, _)| id.strip_prefix("node/"))
        .map(str::to_string)
        .collect();
    if let Some(dir) = dev_dir() {
        collect_dev(&dir.join("node"), "", &mut names);
        names.sort();
        names.dedup();
    }
    names.retain(|n| !is_scheme_only(n));
    names
}

/// Builtins reachable only with the `node:` prefix (`node:test`); node 20 leaves them out of
/// `builtinModules`, and `require('test')` looks for a package.
pub fn is_scheme_only(name: &str) -> bool {
    name == "test" || name.starts_with("test/")
}

fn collect_dev(dir: &std::path::Path, prefix: &str, out: &mut Vec<String>) {
    let Ok(entries) = actors::pool::ops::read_dir(dir) else {
        return;
    };
    for e in entries {
        let name = e.name.to_string_lossy().into_owned();
        if e.kind == actors::pool::FileKind::Dir {
            collect_dev(&dir.join(&name), &format!("{prefix}{name}/"), out);
        } else if let Some(stem) = name.strip_suffix(".js") {
            out.push(format!("{prefix}{stem}"));
        }
    }
}

/// Whether `name` (without `node:`) is a public builtin module.
pub fn is_public_module(name: &str) -> bool {
    !name.starts_with("internal/")
        && !name.starts_with("bootstrap/")
        && builtin_source(name).is_some()
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
