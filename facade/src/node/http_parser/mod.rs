//! `internalBinding('http_parser')`: the HTTP/1.x parser under `node:http`, with node's
//! callback protocol. `internal/http/parser.js` builds node's `HTTPParser` class on these ops;
//! the parser object they make holds the [`Machine`] itself.
//!
//! | op | arguments | value |
//! |---|---|---|
//! | `op_http_parser_methods` | | `[methods, allMethods]` |
//! | `op_http_parser_new` | proto | a parser (of requests until initialised) |
//! | `op_http_parser_initialize` | parser, type (1 request, 2 response), maxHeaderSize, lenient | |
//! | `op_http_parser_execute` | parser, buffer | bytes parsed, or `[code, reason, bytesParsed]` |
//! | `op_http_parser_finish` | parser | undefined, or `[code, reason, 0]` |
//! | `op_http_parser_pause` | parser, paused | |
//! | `op_http_parser_close` | parser | |
//! | `op_http_parser_progress` | parser | `[ms since the message began (-1 between messages), headers complete, messages begun]` |
//!
//! While it runs, `execute` calls the parser's own properties as node's parser does, with the
//! parser as `this`: `[0]()` as a message begins, `[2](major, minor, headers, method, url,
//! statusCode, statusMessage, upgrade, keepAlive)` for a head (its result is the verdict: 1 no
//! body, 2 upgrade), `[3](buffer, start, length)` for body bytes (node passes a copy; here the
//! bytes stay in the buffer given to `execute`), `[1](trailers, '')` and `[4]()` at the end. An
//! exception from a callback propagates out of `execute`.

pub mod machine;

use boa_engine::object::builtins::JsArray;
use boa_engine::{Context, JsData, JsObject, JsString, JsValue};
use boa_gc::{Finalize, Trace};

use machine::{ALL_METHODS, Event, Head, Kind, Machine, ParseError, http_methods};

use crate::node::buffer::{Encoding, decode, with_bytes};
use crate::ops::{Binding, OpError, OpResult, arg, native_object};

pub(crate) static BINDING: Binding = Binding {
    name: "http_parser",
    ops: &[
        ("op_http_parser_methods", op_http_parser_methods),
        ("op_http_parser_new", op_http_parser_new),
        ("op_http_parser_initialize", op_http_parser_initialize),
        ("op_http_parser_execute", op_http_parser_execute),
        ("op_http_parser_finish", op_http_parser_finish),
        ("op_http_parser_pause", op_http_parser_pause),
        ("op_http_parser_close", op_http_parser_close),
        ("op_http_parser_progress", op_http_parser_progress),
    ],
};

/// node's default `maxHeaderSize`.
const DEFAULT_MAX_HEADER_SIZE: usize = 16 * 1024;

const ON_MESSAGE_BEGIN: u32 = 0;
const ON_HEADERS: u32 = 1;
const ON_HEADERS_COMPLETE: u32 = 2;
const ON_BODY: u32 = 3;
const ON_MESSAGE_COMPLETE: u32 = 4;

/// What a parser object holds.
#[derive(Trace, Finalize, JsData)]
struct Parser {
    /// `None` once closed.
    #[unsafe_ignore_trace]
    machine: Option<Machine>,
    paused: bool,
    /// Bumped by `initialize` and `close`, so an `execute` whose callback re-initialised or
    /// closed the parser stops.
    generation: u32,
}

fn parser(value: &JsValue) -> Result<JsObject, OpError> {
    native_object::<Parser>(value, "HTTP parser")
}

fn strings<'a>(list: impl IntoIterator<Item = &'a str>, cx: &mut Context) -> JsValue {
    JsArray::from_iter(
        list.into_iter().map(|s| JsValue::from(JsString::from(s))),
        cx,
    )
    .into()
}

fn op_http_parser_methods(_: &JsValue, _: &[JsValue], cx: &mut Context) -> OpResult {
    let both = [
        strings(http_methods(), cx),
        strings(ALL_METHODS.iter().copied(), cx),
    ];
    Ok(JsArray::from_iter(both, cx).into())
}

fn op_http_parser_new(_: &JsValue, args: &[JsValue], _: &mut Context) -> OpResult {
    let data = Parser {
        machine: Some(Machine::new(Kind::Request, DEFAULT_MAX_HEADER_SIZE, 0)),
        paused: false,
        generation: 0,
    };
    Ok(JsObject::from_proto_and_data(arg(args, 0).as_object(), data).into())
}

fn op_http_parser_initialize(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let obj = parser(&arg(args, 0))?;
    let kind = match arg(args, 1).to_i32(cx)? {
        2 => Kind::Response,
        _ => Kind::Request,
    };
    let max = match arg(args, 2).to_number(cx)? {
        n if n > 0.0 => n as usize,
        _ => DEFAULT_MAX_HEADER_SIZE,
    };
    let lenient = arg(args, 3).to_u32(cx)?;
    let mut p = obj.downcast_mut::<Parser>().expect("checked above");
    p.machine = Some(Machine::new(kind, max, lenient));
    p.paused = false;
    p.generation = p.generation.wrapping_add(1);
    Ok(JsValue::undefined())
}

fn error_value(e: ParseError, parsed: usize, cx: &mut Context) -> JsValue {
    let items = [
        JsValue::from(JsString::from(e.code)),
        JsValue::from(JsString::from(e.reason)),
        JsValue::from(parsed as f64),
    ];
    JsArray::from_iter(items, cx).into()
}

fn paused_error() -> ParseError {
    ParseError {
        code: "HPE_PAUSED",
        reason: "Paused",
        at: None,
    }
}

fn latin1(bytes: &[u8]) -> JsValue {
    decode(bytes, Encoding::Latin1).into()
}

fn header_list(headers: &[(Vec<u8>, Vec<u8>)], cx: &mut Context) -> JsValue {
    let flat = headers
        .iter()
        .flat_map(|(name, value)| [latin1(name), latin1(value)]);
    JsArray::from_iter(flat, cx).into()
}

/// Calls the parser's callback at `index`, if it has one.
fn callback(obj: &JsObject, index: u32, args: &[JsValue], cx: &mut Context) -> OpResult {
    let f = obj.get(index, cx)?;
    match f.as_callable() {
        Some(f) => Ok(f.call(&obj.clone().into(), args, cx)?),
        None => Ok(JsValue::undefined()),
    }
}

fn head_arguments(head: Head, cx: &mut Context) -> [JsValue; 9] {
    let undefined = JsValue::undefined();
    let (method, url, status, reason) = match head.method {
        Some(m) => (
            JsValue::from(m as f64),
            latin1(&head.url),
            undefined.clone(),
            undefined,
        ),
        None => (
            undefined.clone(),
            undefined,
            JsValue::from(f64::from(head.status)),
            latin1(&head.reason),
        ),
    };
    [
        JsValue::from(1),
        JsValue::from(i32::from(head.minor)),
        header_list(&head.headers, cx),
        method,
        url,
        status,
        reason,
        JsValue::from(head.upgrade),
        JsValue::from(head.keep_alive),
    ]
}

fn op_http_parser_execute(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let obj = parser(&arg(args, 0))?;
    let buffer = arg(args, 1);
    let generation = {
        let p = obj.downcast_ref::<Parser>().expect("checked above");
        if p.paused {
            return Ok(error_value(paused_error(), 0, cx));
        }
        p.generation
    };
    let mut at = 0usize;
    loop {
        let step = {
            let mut p = obj.downcast_mut::<Parser>().expect("checked above");
            if p.generation != generation {
                break;
            }
            let Some(machine) = p.machine.as_mut() else {
                break;
            };
            with_bytes(&buffer, cx, |bytes| {
                machine.step(&bytes[at.min(bytes.len())..])
            })?
        };
        let base = at;
        let event = match step {
            Ok((n, event)) => {
                at += n;
                event
            }
            Err(e) => return Ok(error_value(e, base + e.at.unwrap_or(0), cx)),
        };
        match event {
            Event::NeedMore | Event::Upgrade => break,
            Event::Continue => {}
            Event::MessageBegin => {
                callback(&obj, ON_MESSAGE_BEGIN, &[], cx)?;
            }
            Event::Headers(head) => {
                let args = head_arguments(head, cx);
                let verdict = callback(&obj, ON_HEADERS_COMPLETE, &args, cx)?;
                let verdict = verdict.as_number().map_or(0, |n| n as i32);
                let mut p = obj.downcast_mut::<Parser>().expect("checked above");
                if p.generation != generation {
                    break;
                }
                if let Some(machine) = p.machine.as_mut()
                    && machine.decide(verdict)
                {
                    break;
                }
            }
            Event::Body { start, len } => {
                let args = [
                    buffer.clone(),
                    JsValue::from((base + start) as f64),
                    JsValue::from(len as f64),
                ];
                callback(&obj, ON_BODY, &args, cx)?;
            }
            Event::Trailers(trailers) => {
                let args = [
                    header_list(&trailers, cx),
                    JsValue::from(JsString::from("")),
                ];
                callback(&obj, ON_HEADERS, &args, cx)?;
            }
            Event::MessageComplete => {
                callback(&obj, ON_MESSAGE_COMPLETE, &[], cx)?;
            }
        }
        let p = obj.downcast_ref::<Parser>().expect("checked above");
        if p.paused {
            return Ok(error_value(paused_error(), at, cx));
        }
    }
    Ok(JsValue::from(at as f64))
}

fn op_http_parser_finish(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let obj = parser(&arg(args, 0))?;
    let result = {
        let mut p = obj.downcast_mut::<Parser>().expect("checked above");
        match p.machine.as_mut() {
            Some(machine) => machine.finish(),
            None => Ok(None),
        }
    };
    match result {
        Ok(Some(_)) => {
            callback(&obj, ON_MESSAGE_COMPLETE, &[], cx)?;
            Ok(JsValue::undefined())
        }
        Ok(None) => Ok(JsValue::undefined()),
        Err(e) => Ok(error_value(e, 0, cx)),
    }
}

fn op_http_parser_pause(_: &JsValue, args: &[JsValue], _: &mut Context) -> OpResult {
    let obj = parser(&arg(args, 0))?;
    obj.downcast_mut::<Parser>().expect("checked above").paused = arg(args, 1).to_boolean();
    Ok(JsValue::undefined())
}

fn op_http_parser_close(_: &JsValue, args: &[JsValue], _: &mut Context) -> OpResult {
    let obj = parser(&arg(args, 0))?;
    let mut p = obj.downcast_mut::<Parser>().expect("checked above");
    p.machine = None;
    p.generation = p.generation.wrapping_add(1);
    Ok(JsValue::undefined())
}

fn op_http_parser_progress(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let obj = parser(&arg(args, 0))?;
    let (elapsed, headers, messages) = {
        let p = obj.downcast_ref::<Parser>().expect("checked above");
        match &p.machine {
            Some(m) => (
                m.started()
                    .map_or(-1.0, |t| t.elapsed().as_secs_f64() * 1000.0),
                m.headers_completed(),
                m.messages() as f64,
            ),
            None => (-1.0, false, 0.0),
        }
    };
    let items = [
        JsValue::from(elapsed),
        JsValue::from(headers),
        JsValue::from(messages),
    ];
    Ok(JsArray::from_iter(items, cx).into())
}
