//! `internalBinding('permission')`: `process.permission` and the checks the JS glue makes before
//! it reaches outside (a connection before its host name is looked up).
//!
//! | op | arguments | value |
//! |---|---|---|
//! | `op_permission_enabled` | | whether the authority checks anything (`process.permission` exists) |
//! | `op_permission_has` | scope, reference (string or undefined) | boolean |
//! | `op_permission_drop` | scope, reference (string or undefined) | undefined |
//! | `op_permission_epoch` | | a number that changes each time the authority narrows |
//! | `op_permission_check_net` | host (or a socket path), port (`-1` for a path) | undefined; throws `ERR_ACCESS_DENIED` |
//!
//! An unknown scope is for the glue to refuse; here it is simply not granted.

use std::net::IpAddr;
use std::path::Path;

use boa_engine::{Context, JsValue};

use crate::authority::{NetTarget, Scope};
use crate::ops::{Binding, ErrorClass, OpError, OpResult, arg};
use crate::state::state;

pub(crate) static BINDING: Binding = Binding {
    name: "permission",
    ops: &[
        ("op_permission_enabled", op_permission_enabled),
        ("op_permission_has", op_permission_has),
        ("op_permission_drop", op_permission_drop),
        ("op_permission_epoch", op_permission_epoch),
        ("op_permission_check_net", op_permission_check_net),
    ],
};

fn string(args: &[JsValue], i: usize) -> Option<String> {
    arg(args, i).as_string().map(|s| s.to_std_string_lossy())
}

fn op_permission_enabled(_: &JsValue, _: &[JsValue], cx: &mut Context) -> OpResult {
    Ok((!state(cx).authority.is_full()).into())
}

fn op_permission_has(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let Some(scope) = string(args, 0).as_deref().and_then(Scope::parse) else {
        return Ok(false.into());
    };
    let reference = string(args, 1);
    Ok(state(cx).authority.has(scope, reference.as_deref()).into())
}

fn op_permission_drop(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let name = string(args, 0).unwrap_or_default();
    let scope = Scope::parse(&name).ok_or_else(|| {
        OpError::node(
            ErrorClass::TypeError,
            "ERR_INVALID_ARG_VALUE",
            format!("The argument 'scope' is invalid. Received '{name}'"),
        )
    })?;
    let reference = string(args, 1);
    let s = state(cx);
    s.authority
        .drop_scope(scope, reference.as_deref())
        .map_err(|m| OpError::node(ErrorClass::TypeError, "ERR_INVALID_ARG_VALUE", m))?;
    // Handles the narrower authority no longer covers close now, not at the next poll.
    s.sweep_if_narrowed();
    Ok(JsValue::undefined())
}

fn op_permission_epoch(_: &JsValue, _: &[JsValue], cx: &mut Context) -> OpResult {
    Ok((state(cx).authority.epoch() as f64).into())
}

fn op_permission_check_net(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let host = string(args, 0).unwrap_or_default();
    let port = arg(args, 1).as_number().unwrap_or(-1.0);
    let authority = state(cx).authority.clone();
    let target = if port < 0.0 {
        NetTarget::Unix(Path::new(&host))
    } else {
        NetTarget::Inet {
            host: Some(&host),
            ip: host.parse::<IpAddr>().ok(),
            port: port as u16,
        }
    };
    authority.check_net(target)?;
    Ok(JsValue::undefined())
}
