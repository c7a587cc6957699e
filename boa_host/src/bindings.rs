//! `internalBinding(name)`: the op tables of the facade and of the host, as objects of native
//! functions, built once per context. An op's `OpError` becomes a JS error here.

use std::collections::HashMap;

use boa_engine::builtins::error::Error as ErrorData;
use boa_engine::object::FunctionObjectBuilder;
use boa_engine::object::builtins::{
    JsArray, JsArrayBuffer, JsDataView, JsDate, JsGenerator, JsMap, JsMapIterator, JsPromise,
    JsProxy, JsRegExp, JsSet, JsSetIterator, JsSharedArrayBuffer, JsTypedArray, JsWeakMap,
    JsWeakSet,
};
use boa_engine::property::PropertyKey;
use boa_engine::{
    Context, JsBigInt, JsNativeError, JsObject, JsResult, JsString, JsSymbol, JsValue,
    NativeFunction, js_string,
};
use facade::{Binding, OpError, OpFn, OpResult};

use crate::errors::to_js;

/// Every binding: the facade's and the host's own.
fn all_bindings() -> impl Iterator<Item = &'static Binding> {
    facade::bindings().iter().copied().chain([
        &crate::timers::BINDING,
        &crate::modules::BINDING,
        &crate::vm::BINDING,
        &UTIL,
        &TYPES,
        &ERRORS,
        &UV,
    ])
}

/// Wraps an op as a JS function.
pub(crate) fn op_function(name: &str, op: OpFn, cx: &mut Context) -> JsObject {
    let f = NativeFunction::from_copy_closure_with_captures(
        |this, args, op: &OpFnTrace, cx| (op.0)(this, args, cx).map_err(|e| to_js(e, cx)),
        OpFnTrace(op),
    );
    FunctionObjectBuilder::new(cx.realm(), f)
        .name(JsString::from(name))
        .length(0)
        .build()
        .into()
}

/// An op pointer; plain code, nothing for the collector to trace.
#[derive(Clone, Copy)]
struct OpFnTrace(OpFn);

impl boa_gc::Finalize for OpFnTrace {}

// SAFETY: a function pointer holds no GC references, so there is nothing to trace.
unsafe impl boa_gc::Trace for OpFnTrace {
    boa_gc::empty_trace!();
}

/// Binding objects already built in this context.
#[derive(Default)]
pub(crate) struct BindingCache(std::cell::RefCell<HashMap<&'static str, JsObject>>);

/// `internalBinding(name)`.
pub(crate) fn internal_binding(
    _: &JsValue,
    args: &[JsValue],
    cx: &mut Context,
) -> JsResult<JsValue> {
    let name = args
        .first()
        .cloned()
        .unwrap_or_default()
        .to_string(cx)?
        .to_std_string_lossy();
    if let Some(obj) = cx
        .get_data::<BindingCache>()
        .and_then(|c| c.0.borrow().get(name.as_str()).cloned())
    {
        return Ok(obj.into());
    }
    let binding = all_bindings()
        .find(|b| b.name == name)
        .ok_or_else(|| JsNativeError::error().with_message(format!("No such binding: {name}")))?;
    let obj = JsObject::with_null_proto();
    for (op_name, op) in binding.ops {
        let f = op_function(op_name, *op, cx);
        obj.set(JsString::from(*op_name), f, false, cx)?;
    }
    if binding.name == "util" {
        for (k, v) in [
            ("ALL_PROPERTIES", 0),
            ("ONLY_WRITABLE", 1),
            ("ONLY_ENUMERABLE", 2),
            ("ONLY_CONFIGURABLE", 4),
            ("SKIP_STRINGS", 8),
            ("SKIP_SYMBOLS", 16),
        ] {
            obj.set(JsString::from(k), v, false, cx)?;
        }
        let constants = JsObject::with_null_proto();
        for (k, v) in [("kPending", 0), ("kFulfilled", 1), ("kRejected", 2)] {
            constants.set(JsString::from(k), v, false, cx)?;
        }
        obj.set(js_string!("constants"), constants, false, cx)?;
    }
    if binding.name == "uv" {
        // node's `UV_<NAME>` constants: libuv's (negative) numbers for the errors it knows, and
        // UV_EOF, which is not an errno.
        for errno in (1..=133).chain(3000..=3014) {
            let (name, _) = crate::errors::uv_error(errno);
            if name != "UNKNOWN" {
                obj.set(JsString::from(format!("UV_{name}")), -errno, false, cx)?;
            }
        }
        obj.set(js_string!("UV_EOF"), -4095, false, cx)?;
    }
    if cx.get_data::<BindingCache>().is_none() {
        cx.insert_data(BindingCache::default());
    }
    if let Some(cache) = cx.get_data::<BindingCache>() {
        cache.0.borrow_mut().insert(binding.name, obj.clone());
    }
    Ok(obj.into())
}

fn arg(args: &[JsValue], i: usize) -> JsValue {
    args.get(i).cloned().unwrap_or_default()
}

/// `internalBinding('util')`: what `util.inspect` needs to see inside values.
static UTIL: Binding = Binding {
    name: "util",
    ops: &[
        ("getPromiseDetails", get_promise_details),
        ("previewEntries", preview_entries),
        ("getConstructorName", get_constructor_name),
        ("getOwnNonIndexProperties", get_own_non_index_properties),
        ("isClassConstructor", is_class_constructor),
    ],
};

/// Whether `fn` is a class constructor. Boa keeps no source text for classes (their
/// `Function.prototype.toString` reads like a native function), but the standard gives a class
/// a non-writable `prototype`, where an ordinary function's is writable.
fn is_class_constructor(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let Some(f) = arg(args, 0).as_object() else {
        return Ok(JsValue::from(false));
    };
    if !f.is::<boa_engine::builtins::function::OrdinaryFunction>() {
        return Ok(JsValue::from(false));
    }
    let Some(desc) = crate::errors::own_descriptor(&f, js_string!("prototype").into(), cx)? else {
        return Ok(JsValue::from(false));
    };
    let writable = desc.get(js_string!("writable"), cx)?.to_boolean();
    Ok(JsValue::from(!writable))
}

/// The kind of built-in object `o` was created as, whatever its prototype says now (V8's
/// `GetConstructorName` for engine objects).
fn builtin_class_name(o: &JsObject, cx: &mut Context) -> Option<String> {
    if o.is_array() {
        return Some("Array".into());
    }
    let checks: [(&str, bool); 10] = [
        ("Map", JsMap::from_object(o.clone()).is_ok()),
        ("Set", JsSet::from_object(o.clone()).is_ok()),
        ("WeakMap", JsWeakMap::from_object(o.clone()).is_ok()),
        ("WeakSet", JsWeakSet::from_object(o.clone()).is_ok()),
        ("Date", JsDate::from_object(o.clone()).is_ok()),
        ("RegExp", JsRegExp::from_object(o.clone()).is_ok()),
        ("Promise", JsPromise::from_object(o.clone()).is_ok()),
        ("ArrayBuffer", JsArrayBuffer::from_object(o.clone()).is_ok()),
        (
            "SharedArrayBuffer",
            JsSharedArrayBuffer::from_object(o.clone()).is_ok(),
        ),
        ("DataView", JsDataView::from_object(o.clone()).is_ok()),
    ];
    if let Some((name, _)) = checks.iter().find(|(_, is)| *is) {
        return Some((*name).into());
    }
    if let Ok(t) = JsTypedArray::from_object(o.clone())
        && let Some(kind) = t.kind()
    {
        return Some(format!("{kind:?}Array"));
    }
    let _ = cx;
    None
}

/// `[state]` for a pending promise, `[state, result]` otherwise.
fn get_promise_details(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let Some(obj) = arg(args, 0).as_object() else {
        return Ok(JsValue::undefined());
    };
    let Ok(p) = JsPromise::from_object(obj) else {
        return Ok(JsValue::undefined());
    };
    let items = match p.state() {
        boa_engine::builtins::promise::PromiseState::Pending => vec![JsValue::from(0)],
        boa_engine::builtins::promise::PromiseState::Fulfilled(v) => vec![JsValue::from(1), v],
        boa_engine::builtins::promise::PromiseState::Rejected(e) => vec![JsValue::from(2), e],
    };
    Ok(JsArray::from_iter(items, cx).into())
}

/// Entries of Map/Set iterators and weak collections. Boa keeps an iterator's position and a
/// weak collection's entries private, so there is nothing to preview: an empty list (and for
/// iterators, "not key/value").
fn preview_entries(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let empty = JsArray::new(cx)?;
    if arg(args, 1).to_boolean() {
        return Ok(JsArray::from_iter([empty.into(), JsValue::from(false)], cx).into());
    }
    Ok(empty.into())
}

/// The name of the constructor an object was made by: for engine objects (arrays, maps, ...) the
/// built-in class, otherwise the nearest named `constructor` up the prototype chain.
fn get_constructor_name(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let Some(start) = arg(args, 0).as_object() else {
        return Ok(js_string!("Object").into());
    };
    if let Some(name) = builtin_class_name(&start, cx) {
        return Ok(JsString::from(name.as_str()).into());
    }
    let mut cur = Some(start);
    while let Some(obj) = cur {
        if let Some(desc) =
            crate::errors::own_descriptor(&obj, js_string!("constructor").into(), cx)?
            && let Some(ctor) = desc.get(js_string!("value"), cx)?.as_object()
            && ctor.is_callable()
        {
            let name = ctor.get(js_string!("name"), cx)?;
            if let Some(s) = name.as_string()
                && !s.is_empty()
            {
                return Ok(s.clone().into());
            }
        }
        cur = obj.prototype();
    }
    Ok(js_string!("Object").into())
}

/// Own keys that are not array indices, filtered like V8's `PropertyFilter`.
fn get_own_non_index_properties(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let Some(obj) = arg(args, 0).as_object() else {
        return Ok(JsArray::new(cx)?.into());
    };
    let filter = arg(args, 1).as_number().unwrap_or(0.0) as u32;
    let mut out = Vec::new();
    for key in obj.own_property_keys(cx)? {
        let value = match &key {
            PropertyKey::Index(_) => continue,
            PropertyKey::String(s) => {
                if filter & 8 != 0 {
                    continue;
                }
                JsValue::from(s.clone())
            }
            PropertyKey::Symbol(s) => {
                if filter & 16 != 0 {
                    continue;
                }
                JsValue::from(s.clone())
            }
        };
        if filter & 2 != 0 && !crate::errors::is_own_enumerable(&obj, value.clone(), cx)? {
            continue;
        }
        out.push(value);
    }
    Ok(JsArray::from_iter(out, cx).into())
}

macro_rules! type_checks {
    ($($name:ident => |$o:ident| $check:expr),* $(,)?) => {
        $(
            fn $name(_: &JsValue, args: &[JsValue], _: &mut Context) -> OpResult {
                let result = match arg(args, 0).as_object() {
                    Some($o) => $check,
                    None => false,
                };
                Ok(JsValue::from(result))
            }
        )*
    };
}

fn typed_kind(o: &JsObject, name: &str) -> bool {
    JsTypedArray::from_object(o.clone())
        .ok()
        .and_then(|t| t.kind())
        .is_some_and(|k| format!("{k:?}") == name)
}

type_checks! {
    is_promise => |o| JsPromise::from_object(o).is_ok(),
    is_map => |o| JsMap::from_object(o).is_ok(),
    is_set => |o| JsSet::from_object(o).is_ok(),
    is_weak_map => |o| JsWeakMap::from_object(o).is_ok(),
    is_weak_set => |o| JsWeakSet::from_object(o).is_ok(),
    is_date => |o| JsDate::from_object(o).is_ok(),
    is_regexp => |o| JsRegExp::from_object(o).is_ok(),
    is_proxy => |o| JsProxy::from_object(o).is_ok(),
    is_array_buffer => |o| JsArrayBuffer::from_object(o).is_ok(),
    is_shared_array_buffer => |o| JsSharedArrayBuffer::from_object(o).is_ok(),
    is_any_array_buffer => |o| JsArrayBuffer::from_object(o.clone()).is_ok() || JsSharedArrayBuffer::from_object(o).is_ok(),
    is_data_view => |o| JsDataView::from_object(o).is_ok(),
    is_typed_array => |o| JsTypedArray::from_object(o).is_ok(),
    is_array_buffer_view => |o| JsTypedArray::from_object(o.clone()).is_ok() || JsDataView::from_object(o).is_ok(),
    is_uint8_array => |o| typed_kind(&o, "Uint8"),
    is_uint8_clamped_array => |o| typed_kind(&o, "Uint8Clamped"),
    is_uint16_array => |o| typed_kind(&o, "Uint16"),
    is_uint32_array => |o| typed_kind(&o, "Uint32"),
    is_int8_array => |o| typed_kind(&o, "Int8"),
    is_int16_array => |o| typed_kind(&o, "Int16"),
    is_int32_array => |o| typed_kind(&o, "Int32"),
    is_float32_array => |o| typed_kind(&o, "Float32"),
    is_float64_array => |o| typed_kind(&o, "Float64"),
    is_big_int64_array => |o| typed_kind(&o, "BigInt64"),
    is_big_uint64_array => |o| typed_kind(&o, "BigUint64"),
    is_map_iterator => |o| JsMapIterator::from_object(o).is_ok(),
    is_set_iterator => |o| JsSetIterator::from_object(o).is_ok(),
    is_generator_object => |o| JsGenerator::from_object(o).is_ok(),
    is_native_error => |o| o.is::<ErrorData>(),
    is_number_object => |o| o.is::<f64>(),
    is_string_object => |o| o.is::<JsString>(),
    is_boolean_object => |o| o.is::<bool>(),
    is_big_int_object => |o| o.is::<JsBigInt>(),
    is_symbol_object => |o| o.is::<JsSymbol>(),
    is_boxed_primitive => |o| o.is::<f64>() || o.is::<JsString>() || o.is::<bool>() || o.is::<JsBigInt>() || o.is::<JsSymbol>(),
    is_external => |_o| false,
    is_key_object => |_o| false,
    is_crypto_key => |_o| false,
}

/// `internalBinding('types')`: the checks behind `util.types`. Function kinds, arguments objects
/// and module namespaces are recognised in JS by the bootstrap, which adds them to this object.
static TYPES: Binding = Binding {
    name: "types",
    ops: &[
        ("isPromise", is_promise),
        ("isMap", is_map),
        ("isSet", is_set),
        ("isWeakMap", is_weak_map),
        ("isWeakSet", is_weak_set),
        ("isDate", is_date),
        ("isRegExp", is_regexp),
        ("isProxy", is_proxy),
        ("isArrayBuffer", is_array_buffer),
        ("isSharedArrayBuffer", is_shared_array_buffer),
        ("isAnyArrayBuffer", is_any_array_buffer),
        ("isDataView", is_data_view),
        ("isTypedArray", is_typed_array),
        ("isArrayBufferView", is_array_buffer_view),
        ("isUint8Array", is_uint8_array),
        ("isUint8ClampedArray", is_uint8_clamped_array),
        ("isUint16Array", is_uint16_array),
        ("isUint32Array", is_uint32_array),
        ("isInt8Array", is_int8_array),
        ("isInt16Array", is_int16_array),
        ("isInt32Array", is_int32_array),
        ("isFloat32Array", is_float32_array),
        ("isFloat64Array", is_float64_array),
        ("isBigInt64Array", is_big_int64_array),
        ("isBigUint64Array", is_big_uint64_array),
        ("isMapIterator", is_map_iterator),
        ("isSetIterator", is_set_iterator),
        ("isGeneratorObject", is_generator_object),
        ("isNativeError", is_native_error),
        ("isNumberObject", is_number_object),
        ("isStringObject", is_string_object),
        ("isBooleanObject", is_boolean_object),
        ("isBigIntObject", is_big_int_object),
        ("isSymbolObject", is_symbol_object),
        ("isBoxedPrimitive", is_boxed_primitive),
        ("isExternal", is_external),
        ("isKeyObject", is_key_object),
        ("isCryptoKey", is_crypto_key),
    ],
};

/// `internalBinding('errors')`: stack traces in V8's shape.
static ERRORS: Binding = Binding {
    name: "errors",
    ops: &[
        ("op_error_frames", op_error_frames),
        ("op_trigger_uncaught", op_trigger_uncaught),
        ("op_gc", op_gc),
    ],
};

/// `op_gc()`: a full collection now (the `gc()` global of `--expose-gc`). The allocator then
/// gives what was freed back to the system at once rather than after its delay, so the resident
/// size measured after `gc()` is what is still in use.
fn op_gc(_: &JsValue, _: &[JsValue], _: &mut Context) -> OpResult {
    boa_gc::force_collect();
    // SAFETY: mi_collect only walks mimalloc's own free lists; with another global allocator
    // it has nothing to do.
    unsafe { libmimalloc_sys::mi_collect(true) };
    Ok(JsValue::undefined())
}

/// The engine's own frame text for an error object (`"    at f (file:1:2)\n..."`), or
/// undefined. The glue turns it into V8's `stack` format.
fn op_error_frames(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let Some(obj) = arg(args, 0).as_object() else {
        return Ok(JsValue::undefined());
    };
    let getter = cx
        .get_data::<EngineStackGetter>()
        .map(|g| g.0.clone())
        .ok_or_else(|| OpError::invalid_arg("stack getter not captured"))?;
    Ok(crate::errors::call_with_this(
        &getter,
        &obj.into(),
        &[],
        cx,
    )?)
}

/// Boa's original `Error.prototype.stack` getter, saved before the bootstrap replaces it.
pub(crate) struct EngineStackGetter(pub(crate) JsObject);

/// `op_trigger_uncaught(err)`: reports `err` as an uncaught exception now (used for errors of an
/// ES module entry point, which arrive as a rejected promise).
fn op_trigger_uncaught(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let err = boa_engine::JsError::from_opaque(arg(args, 0));
    crate::event_loop::uncaught(err, cx);
    Ok(JsValue::undefined())
}

/// `internalBinding('uv')`: libuv's error names and messages (`util.getSystemErrorName`).
static UV: Binding = Binding {
    name: "uv",
    ops: &[("getErrorMap", get_error_map), ("errname", errname)],
};

/// A `Map` of negative errno → `[name, message]`, as node's `uv.getErrorMap()`.
fn get_error_map(_: &JsValue, _: &[JsValue], cx: &mut Context) -> OpResult {
    let map = JsMap::new(cx);
    for errno in (1..=133).chain(3000..=3014).chain([4095]) {
        let (name, message) = crate::errors::uv_error(errno);
        if name == "UNKNOWN" {
            continue;
        }
        let pair = JsArray::from_iter(
            [JsString::from(name).into(), JsString::from(message).into()],
            cx,
        );
        map.set(JsValue::from(-errno), pair, cx)?;
    }
    Ok(map.into())
}

/// The name of a negative errno (`-2` → `"ENOENT"`).
fn errname(_: &JsValue, args: &[JsValue], _: &mut Context) -> OpResult {
    let errno = -(arg(args, 0).as_number().unwrap_or(0.0) as i32);
    let (name, _) = crate::errors::uv_error(errno);
    Ok(JsString::from(
        if name == "UNKNOWN" {
            format!("Unknown system error {}", -errno)
        } else {
            name.to_string()
        }
        .as_str(),
    )
    .into())
}
