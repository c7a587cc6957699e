//! `internalBinding('url')`: WHATWG URL parsing and the URL API's setters, from the `url` crate
//! (its `quirks` module implements exactly the URL Standard's API), and the
//! `application/x-www-form-urlencoded` parser and serializer behind `URLSearchParams`.
//! Node docs: <https://nodejs.org/docs/latest-v20.x/api/url.html>.

use boa_engine::object::builtins::JsArray;
use boa_engine::{Context, JsString, JsValue};
use url::{Url, quirks};

use crate::ops::{Binding, OpError, OpResult};

pub(crate) static BINDING: Binding = Binding {
    name: "url",
    ops: &[
        ("op_url_parse", op_url_parse),
        ("op_url_set", op_url_set),
        ("op_url_can_parse", op_url_can_parse),
        ("op_url_domain_to_ascii", op_url_domain_to_ascii),
        ("op_url_domain_to_unicode", op_url_domain_to_unicode),
        ("op_url_idna_to_ascii", op_url_idna_to_ascii),
        ("op_url_params_parse", op_url_params_parse),
        ("op_url_params_serialize", op_url_params_serialize),
    ],
};

fn string(args: &[JsValue], i: usize, cx: &mut Context) -> Result<String, OpError> {
    Ok(args
        .get(i)
        .cloned()
        .unwrap_or_default()
        .to_string(cx)?
        .to_std_string_lossy())
}

fn parse(input: &str, base: Option<&str>) -> Option<Url> {
    match base {
        Some(b) => Url::parse(b).ok()?.join(input).ok(),
        None => Url::parse(input).ok(),
    }
}

/// `[href, origin, protocol, username, password, host, hostname, port, pathname, search, hash]`.
fn components(url: &Url, cx: &mut Context) -> JsValue {
    let parts = [
        quirks::href(url).to_string(),
        quirks::origin(url),
        quirks::protocol(url).to_string(),
        quirks::username(url).to_string(),
        quirks::password(url).to_string(),
        quirks::host(url).to_string(),
        quirks::hostname(url).to_string(),
        quirks::port(url).to_string(),
        quirks::pathname(url).to_string(),
        quirks::search(url).to_string(),
        quirks::hash(url).to_string(),
    ];
    JsArray::from_iter(
        parts
            .into_iter()
            .map(|p| JsValue::from(JsString::from(p.as_str()))),
        cx,
    )
    .into()
}

/// `op_url_parse(input, base?)` → components, or null when the input does not parse.
fn op_url_parse(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let input = string(args, 0, cx)?;
    let base = match args.get(1) {
        Some(v) if !v.is_undefined() => Some(string(args, 1, cx)?),
        _ => None,
    };
    Ok(match parse(&input, base.as_deref()) {
        Some(url) => components(&url, cx),
        None => JsValue::null(),
    })
}

fn op_url_can_parse(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let input = string(args, 0, cx)?;
    let base = match args.get(1) {
        Some(v) if !v.is_undefined() => Some(string(args, 1, cx)?),
        _ => None,
    };
    Ok(JsValue::from(parse(&input, base.as_deref()).is_some()))
}

/// `op_url_set(href, component, value)` → the components after the URL Standard's setter for
/// `component` (`"href"`, `"protocol"`, ...), or null if `href` itself is invalid. A setter that
/// rejects its value leaves the URL unchanged, as the standard says.
fn op_url_set(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let href = string(args, 0, cx)?;
    let component = string(args, 1, cx)?;
    let value = string(args, 2, cx)?;
    let Ok(mut url) = Url::parse(&href) else {
        return Ok(JsValue::null());
    };
    match component.as_str() {
        "href" => {
            if quirks::set_href(&mut url, &value).is_err() {
                return Ok(JsValue::null());
            }
        }
        "protocol" => drop(quirks::set_protocol(&mut url, &value)),
        "username" => drop(quirks::set_username(&mut url, &value)),
        "password" => drop(quirks::set_password(&mut url, &value)),
        "host" => drop(quirks::set_host(&mut url, &value)),
        "hostname" => drop(quirks::set_hostname(&mut url, &value)),
        "port" => drop(quirks::set_port(&mut url, &value)),
        "pathname" => quirks::set_pathname(&mut url, &value),
        "search" => quirks::set_search(&mut url, &value),
        "hash" => quirks::set_hash(&mut url, &value),
        _ => return Err(OpError::invalid_arg("URL component")),
    }
    Ok(components(&url, cx))
}

/// `url.domainToASCII`: the WHATWG host parser's result, `''` for an invalid host. Unlike
/// `url::quirks::domain_to_ascii`, IP addresses come back serialized, as Node returns them.
fn op_url_domain_to_ascii(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let d = string(args, 0, cx)?;
    let out = match url::Host::parse(&d) {
        Ok(url::Host::Domain(name)) => name,
        Ok(host) => host.to_string(),
        Err(_) => String::new(),
    };
    Ok(JsString::from(out.as_str()).into())
}

/// `url.domainToUnicode`: as [`op_url_domain_to_ascii`], with IDNA labels decoded.
fn op_url_domain_to_unicode(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let d = string(args, 0, cx)?;
    let out = match url::Host::parse(&d) {
        Ok(url::Host::Domain(_)) => quirks::domain_to_unicode(&d),
        Ok(host) => host.to_string(),
        Err(_) => String::new(),
    };
    Ok(JsString::from(out.as_str()).into())
}

/// The lenient IDNA `ToASCII` the legacy `url.parse()` applies to hostnames: no IP address
/// parsing, `''` when the name cannot be converted.
fn op_url_idna_to_ascii(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let d = string(args, 0, cx)?;
    let out = idna::domain_to_ascii(&d).unwrap_or_default();
    Ok(JsString::from(out.as_str()).into())
}

/// `op_url_params_parse(string)` → `[name, value, name, value, ...]`.
fn op_url_params_parse(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let input = string(args, 0, cx)?;
    let mut flat = Vec::new();
    for (k, v) in form_urlencoded::parse(input.as_bytes()) {
        flat.push(JsValue::from(JsString::from(k.as_ref())));
        flat.push(JsValue::from(JsString::from(v.as_ref())));
    }
    Ok(JsArray::from_iter(flat, cx).into())
}

/// `op_url_params_serialize([name, value, ...])` → the encoded query string.
fn op_url_params_serialize(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let list = args
        .first()
        .and_then(JsValue::as_object)
        .ok_or_else(|| OpError::invalid_arg("pairs"))?;
    let list = JsArray::from_object(list)?;
    let len = list.length(cx)?;
    let mut out = form_urlencoded::Serializer::new(String::new());
    let mut i = 0;
    while i + 1 < len {
        let k = list.get(i, cx)?.to_string(cx)?.to_std_string_lossy();
        let v = list.get(i + 1, cx)?.to_string(cx)?.to_std_string_lossy();
        out.append_pair(&k, &v);
        i += 2;
    }
    Ok(JsString::from(out.finish().as_str()).into())
}
