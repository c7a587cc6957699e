//! Work-arounds for bugs of the engine (Boa 0.22), installed before any script runs. Each one
//! says what goes wrong without it; drop it when the engine is fixed.

use boa_engine::object::FunctionObjectBuilder;
use boa_engine::property::PropertyDescriptor;
use boa_engine::{Context, JsNativeError, JsObject, JsResult, JsValue, NativeFunction, js_string};

/// Installs every work-around.
pub(crate) fn install(cx: &mut Context) -> JsResult<()> {
    proxy_shapes(cx)
}

/// Boa makes every Proxy with the shape of an empty ordinary object whose prototype is
/// `Object.prototype`. A property-read inline cache that a plain `{}` filled with a property of
/// `Object.prototype` then matches a Proxy too, and answers from `Object.prototype` without
/// calling the proxy's `get` trap: after `f({})`, `f(new Proxy([], {}))` with
/// `f = (o) => o.constructor` gave `Object`.
///
/// A Proxy never reads its own `[[Prototype]]` slot (its internal methods go to the handler and
/// the target), so `Proxy` and `Proxy.revocable` here give each new proxy a null prototype slot:
/// its shape is then that of an empty null-prototype object, which no cache can have filled
/// with a slot.
fn proxy_shapes(cx: &mut Context) -> JsResult<()> {
    let global = cx.global_object();
    let original = global
        .get(js_string!("Proxy"), cx)?
        .as_object()
        .ok_or_else(|| JsNativeError::typ().with_message("no Proxy constructor"))?;
    let original_revocable = original
        .get(js_string!("revocable"), cx)?
        .as_object()
        .ok_or_else(|| JsNativeError::typ().with_message("no Proxy.revocable"))?;

    let construct = NativeFunction::from_copy_closure_with_captures(
        |new_target, args, original: &JsObject, cx| {
            // Called without `new`: the engine's own Proxy throws its TypeError.
            if new_target.is_undefined() {
                return original.call(&JsValue::undefined(), args, cx);
            }
            let proxy = original.construct(args, None, cx)?;
            proxy.set_prototype(None);
            Ok(proxy.into())
        },
        original.clone(),
    );
    let proxy_ctor = FunctionObjectBuilder::new(cx.realm(), construct)
        .name(js_string!("Proxy"))
        .length(2)
        .constructor(true)
        .build();
    // Proxy has no `prototype`, unlike the constructors the builder makes.
    proxy_ctor.delete_property_or_throw(js_string!("prototype"), cx)?;

    let revocable = NativeFunction::from_copy_closure_with_captures(
        |_, args, original: &JsObject, cx| {
            let result = original.call(&JsValue::undefined(), args, cx)?;
            if let Some(proxy) = result
                .as_object()
                .and_then(|r| r.get(js_string!("proxy"), cx).ok())
                .and_then(|p| p.as_object())
            {
                proxy.set_prototype(None);
            }
            Ok(result)
        },
        original_revocable,
    );
    let revocable = FunctionObjectBuilder::new(cx.realm(), revocable)
        .name(js_string!("revocable"))
        .length(2)
        .build();
    proxy_ctor.define_property_or_throw(
        js_string!("revocable"),
        PropertyDescriptor::builder()
            .value(revocable)
            .writable(true)
            .enumerable(false)
            .configurable(true),
        cx,
    )?;
    global.set(js_string!("Proxy"), proxy_ctor, false, cx)?;
    Ok(())
}
