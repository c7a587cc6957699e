//! Embeds every builtin JS file under `js/` in the binary: generates a sorted table of
//! `(module id, source)` that `builtin_source` searches. Adding a file needs no Rust change.
//!
//! Files are listed and written through the actor layer's filesystem calls, like every other
//! file access of the facade.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use actors::pool::FileKind;
use actors::pool::ops;

fn collect(dir: &Path, root: &Path, out: &mut Vec<(String, PathBuf)>) {
    let mut entries = ops::read_dir(dir).expect("js/ is readable");
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    for entry in entries {
        let path = dir.join(&entry.name);
        if entry.kind == FileKind::Dir {
            collect(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "js") {
            let rel = path.strip_prefix(root).expect("under js/");
            let id = rel.with_extension("").to_string_lossy().replace('\\', "/");
            out.push((id, path));
        }
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("js");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let mut code = String::from(
        "/// Every embedded builtin: `(module id, source)`, sorted by id.\npub(crate) static BUILTINS: &[(&str, &str)] = &[\n",
    );
    for (id, path) in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            code,
            "    ({id:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("builtins.rs");
    ops::write_file(
        &out,
        code.as_bytes(),
        libc::O_WRONLY | libc::O_CREAT | libc::O_TRUNC,
        0o644,
    )
    .expect("OUT_DIR is writable");
}
