//! Ops behind Node's modules, one file per area (`process.rs` is `internalBinding('process')`).

pub mod async_context;
pub mod buffer;
pub mod credentials;
pub mod crypto;
pub mod encoding;
pub mod events;
pub mod fs;
pub mod fs_lock;
pub mod fs_watch;
pub mod http_parser;
pub mod net;
pub mod permission;
pub mod process;
pub mod process_wrap;
pub mod signals;
pub mod stdio;
pub mod tls;
pub mod url;
pub mod zlib;

use crate::ops::Binding;

/// Every binding of the facade.
pub(crate) static BINDINGS: &[&Binding] = &[
    &process::BINDING,
    &async_context::BINDING,
    &credentials::BINDING,
    &crypto::BINDING,
    &stdio::BINDING,
    &buffer::BINDING,
    &url::BINDING,
    &encoding::BINDING,
    &events::BINDING,
    &fs::BINDING,
    &fs_lock::BINDING,
    &fs_watch::BINDING,
    &http_parser::BINDING,
    &net::BINDING,
    &permission::BINDING,
    &process_wrap::BINDING,
    &signals::BINDING,
    &tls::BINDING,
    &zlib::BINDING,
];
