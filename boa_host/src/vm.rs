//! `internalBinding('contextify')`: the realms under `node:vm`.
//!
//! A context is a new realm of the engine whose global object is the proxy JS made over the
//! program's sandbox object (`node/vm.js`): the realm's builtins live on the proxy's target, and
//! the program's globals on the sandbox, as node's contextified objects behave. The host hook
//! that makes a realm's global object takes the proxy from [`PendingGlobal`].
//!
//! | op | arguments | value |
//! |---|---|---|
//! | `op_vm_create_realm` | proxy (undefined: an ordinary global) | `[realm, its Object.prototype]` |
//! | `op_vm_run` | code, filename, realm or undefined | the completion value of the script |
//! | `op_vm_check` | code, filename | undefined; throws the script's syntax error |

use std::cell::RefCell;
use std::path::Path;
use std::rc::Rc;

use boa_engine::object::builtins::JsArray;
use boa_engine::realm::Realm;
use boa_engine::{Context, JsData, JsObject, JsValue, Script, Source};
use boa_gc::{Finalize, Trace};
use facade::{Binding, OpResult};

pub(crate) static BINDING: Binding = Binding {
    name: "contextify",
    ops: &[
        ("op_vm_create_realm", op_vm_create_realm),
        ("op_vm_run", op_vm_run),
        ("op_vm_check", op_vm_check),
    ],
};

/// The global object the next realm gets, set only while `op_vm_create_realm` makes one.
#[derive(Clone, Default)]
pub(crate) struct PendingGlobal(pub(crate) Rc<RefCell<Option<JsObject>>>);

/// A context's realm, as a JS object.
#[derive(Trace, Finalize, JsData)]
struct RealmHandle(#[unsafe_ignore_trace] Realm);

fn arg(args: &[JsValue], i: usize) -> JsValue {
    args.get(i).cloned().unwrap_or_default()
}

fn op_vm_create_realm(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let proxy = arg(args, 0).as_object();
    let pending = cx
        .get_data::<PendingGlobal>()
        .cloned()
        .expect("the host installs the pending global");
    *pending.0.borrow_mut() = proxy;
    let realm = cx.create_realm();
    pending.0.borrow_mut().take();
    let realm = realm?;
    let proto = realm.intrinsics().constructors().object().prototype();
    let handle = JsObject::from_proto_and_data(None, RealmHandle(realm));
    Ok(JsArray::from_iter([handle.into(), proto.into()], cx).into())
}

fn op_vm_check(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let code = arg(args, 0).to_string(cx)?.to_std_string_lossy();
    let filename = arg(args, 1).to_string(cx)?.to_std_string_lossy();
    let source = Source::from_bytes(code.as_bytes()).with_path(Path::new(&filename));
    Script::parse(source, None, cx)?;
    Ok(JsValue::undefined())
}

fn op_vm_run(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let code = arg(args, 0).to_string(cx)?.to_std_string_lossy();
    let filename = arg(args, 1).to_string(cx)?.to_std_string_lossy();
    let realm = arg(args, 2)
        .as_object()
        .and_then(|o| o.downcast_ref::<RealmHandle>().map(|h| h.0.clone()));
    let source = Source::from_bytes(code.as_bytes()).with_path(Path::new(&filename));
    let script = Script::parse(source, realm.clone(), cx)?;
    let before = realm.map(|r| cx.enter_realm(r));
    let result = script.evaluate(cx);
    if let Some(before) = before {
        cx.enter_realm(before);
    }
    Ok(result?)
}
