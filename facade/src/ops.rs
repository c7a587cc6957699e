//! The op table: native functions grouped into bindings, as `internalBinding(name)` shows them
//! to the JS glue.

use boa_engine::{Context, JsError, JsObject, JsValue};

use actors::ActorError;
use actors::net::NetError;
use actors::pool::FsError;

use crate::authority::AccessDenied;

/// What an op returns.
pub type OpResult = Result<JsValue, OpError>;

/// The `i`th argument of an op, `undefined` when it was not given.
pub(crate) fn arg(args: &[JsValue], i: usize) -> JsValue {
    args.get(i).cloned().unwrap_or_default()
}

/// The object in `value` if it carries native data of type `T` (a hash, a parser, a zlib engine
/// the ops made), else the glue's mistake, named `what`.
pub(crate) fn native_object<T: boa_engine::object::NativeObject>(
    value: &JsValue,
    what: &str,
) -> Result<JsObject, OpError> {
    value
        .as_object()
        .filter(|o| o.is::<T>())
        .ok_or_else(|| OpError::invalid_arg(what))
}

/// A native function of the glue: `(this, args, context)`.
pub type OpFn = fn(&JsValue, &[JsValue], &mut Context) -> OpResult;

/// The JS constructor a Node error is made with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorClass {
    /// `Error`.
    Error,
    /// `TypeError`.
    TypeError,
    /// `RangeError`.
    RangeError,
}

/// Why an op failed. The host turns each into the JS error Node would throw.
#[derive(Debug)]
pub enum OpError {
    /// Already a JS error (thrown by JS code the op called, or made by the op).
    Js(JsError),
    /// A filesystem call failed: `ENOENT: no such file or directory, open '/x'`.
    Fs(FsError),
    /// A socket call failed.
    Net(NetError),
    /// A Node error with a code (`ERR_INVALID_ARG_VALUE`, ...).
    Node {
        /// Its constructor.
        class: ErrorClass,
        /// Its `code`.
        code: &'static str,
        /// Its message.
        message: String,
    },
    /// An actor did not answer.
    Actor(ActorError),
    /// The context's authority does not cover the call: `ERR_ACCESS_DENIED`.
    Denied(AccessDenied),
}

impl OpError {
    /// A Node error with `code`.
    pub fn node(class: ErrorClass, code: &'static str, message: impl Into<String>) -> OpError {
        OpError::Node {
            class,
            code,
            message: message.into(),
        }
    }

    /// `ERR_INVALID_ARG_TYPE`-shaped failures are raised by the glue; an op reaching one means
    /// the glue let a bad value through, which is a bug worth a clear message.
    pub fn invalid_arg(what: &str) -> OpError {
        OpError::node(
            ErrorClass::TypeError,
            "ERR_INVALID_ARG_TYPE",
            format!("invalid argument to a native op: {what}"),
        )
    }
}

impl From<JsError> for OpError {
    fn from(e: JsError) -> OpError {
        OpError::Js(e)
    }
}

impl From<FsError> for OpError {
    fn from(e: FsError) -> OpError {
        match AccessDenied::of(&e) {
            Some(denied) => OpError::Denied(denied.clone()),
            None => OpError::Fs(e),
        }
    }
}

impl From<AccessDenied> for OpError {
    fn from(e: AccessDenied) -> OpError {
        OpError::Denied(e)
    }
}

impl From<NetError> for OpError {
    fn from(e: NetError) -> OpError {
        OpError::Net(e)
    }
}

impl From<ActorError> for OpError {
    fn from(e: ActorError) -> OpError {
        OpError::Actor(e)
    }
}

/// A named group of ops (`internalBinding('process')`).
#[derive(Debug)]
pub struct Binding {
    /// The binding's name.
    pub name: &'static str,
    /// Its ops, by name.
    pub ops: &'static [(&'static str, OpFn)],
}

/// Every binding the facade provides.
pub fn bindings() -> &'static [&'static Binding] {
    crate::node::BINDINGS
}
