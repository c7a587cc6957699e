//! Modules: CommonJS (`require`, with the loader itself in JS glue over these ops) and ES modules
//! (Boa's module records, loaded by [`Loader`]), on one resolver.
//!
//! - `require` resolution, reading and compiling happen here; the JS side keeps `Module`,
//!   `require.cache`, cycles and errors with Node's messages.
//! - `import` goes through [`Loader`]: builtins and CommonJS files become synthetic modules whose
//!   default export is `module.exports` and whose named exports are its keys; `.mjs` and
//!   `"type": "module"` files are parsed as modules; JSON needs `with { type: 'json' }`.
//! - Loading the program's own modules is the host's work, not a capability the script holds.

pub(crate) mod resolve;

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use boa_engine::module::{ModuleLoader, ModuleRequest, Referrer, SyntheticModuleInitializer};
use boa_engine::object::builtins::JsArray;
use boa_engine::property::PropertyKey;
use boa_engine::{
    Context, JsError, JsNativeError, JsObject, JsResult, JsString, JsValue, Module, NativeFunction,
    Script, Source, js_string,
};
use facade::{Binding, ErrorClass, OpError, OpResult};

use crate::errors::call;
use crate::host::host;
use resolve::{Format, Mode, ResolveError, Resolver};

/// The JS wrapper around a CommonJS module's source. Its length shifts columns on line 1, which
/// the stack formatter undoes.
pub(crate) const CJS_PREFIX: &str = "(function (exports, require, module, __filename, __dirname) {";
const BUILTIN_PREFIX: &str = "(function (exports, require, module, internalBinding) {";

/// JS functions of the CommonJS side, set by the bootstrap.
pub(crate) struct JsModuleHooks {
    /// `builtinRequire(id)` → a builtin's exports.
    builtin_require: JsObject,
    /// `loadCommonJs(path)` → `module.exports` of a CommonJS (or JSON) file, loaded through the
    /// CommonJS loader and its cache.
    load_commonjs: JsObject,
}

/// The module state of a context.
#[derive(Default)]
pub(crate) struct ModuleHost {
    pub(crate) resolver: Resolver,
    esm: RefCell<HashMap<PathBuf, Module>>,
    builtins: RefCell<HashMap<String, Module>>,
    hooks: RefCell<Option<JsModuleHooks>>,
}

/// Whether `name` (`fs`, `node:fs`) names a builtin module reachable from user code. Under
/// `--expose-internals` the `internal/` modules are too, as in node.
pub(crate) fn builtin_name<'a>(specifier: &'a str, cx: &Context) -> Option<&'a str> {
    let (name, prefixed) = match specifier.strip_prefix("node:") {
        Some(name) => (name, true),
        None => (specifier, false),
    };
    if name.starts_with("internal/") {
        return (internals_exposed(cx) && facade::builtin_source(name).is_some()).then_some(name);
    }
    // actorjs's own modules are named with their scheme (`actorjs:fs`), never `node:`.
    if name.starts_with("actorjs:") && prefixed {
        return None;
    }
    (facade::is_public_module(name)
        && !name.starts_with("internal/")
        && (prefixed || !facade::is_scheme_only(name)))
    .then_some(name)
}

/// Whether the process was started with `--expose-internals`.
fn internals_exposed(cx: &Context) -> bool {
    cx.get_data::<facade::node::process::ProcessConfig>()
        .is_some_and(|c| c.exec_argv.iter().any(|a| a == "--expose-internals"))
}

fn type_error(code: &'static str, message: String) -> OpError {
    OpError::node(ErrorClass::TypeError, code, message)
}

/// A `file:` URL for a path, percent-encoding what a URL cannot hold as is.
pub(crate) fn file_url(path: &Path) -> String {
    let mut out = String::from("file://");
    for &b in path.to_string_lossy().as_bytes() {
        match b {
            b'a'..=b'z'
            | b'A'..=b'Z'
            | b'0'..=b'9'
            | b'/'
            | b'-'
            | b'_'
            | b'.'
            | b'~'
            | b'!'
            | b'$'
            | b'&'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'+'
            | b','
            | b';'
            | b'='
            | b':'
            | b'@' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The error `import` throws for a failed resolution, with Node's code and message.
fn import_error(e: ResolveError, specifier: &str, base: Option<&Path>) -> OpError {
    let from = base.map(|b| b.display().to_string()).unwrap_or_else(|| {
        std::env::current_dir()
            .map(|d| d.join("[eval]").display().to_string())
            .unwrap_or_default()
    });
    match e {
        ResolveError::NotFound {
            specifier: s,
            exact,
        } => {
            if exact {
                let shown = match base.and_then(Path::parent) {
                    Some(dir) if !s.starts_with('/') => {
                        resolve::normalize(&dir.join(&s)).display().to_string()
                    }
                    _ => s,
                };
                OpError::node(
                    ErrorClass::Error,
                    "ERR_MODULE_NOT_FOUND",
                    format!("Cannot find module '{shown}' imported from {from}"),
                )
            } else {
                let name = specifier
                    .split('/')
                    .take(if specifier.starts_with('@') { 2 } else { 1 })
                    .collect::<Vec<_>>()
                    .join("/");
                OpError::node(
                    ErrorClass::Error,
                    "ERR_MODULE_NOT_FOUND",
                    format!("Cannot find package '{name}' imported from {from}"),
                )
            }
        }
        ResolveError::NotExported {
            package_dir,
            subpath,
        } => {
            let msg = if subpath == "." {
                format!(
                    "No \"exports\" main defined in {}/package.json imported from {from}",
                    package_dir.display()
                )
            } else {
                format!(
                    "Package subpath '{subpath}' is not defined by \"exports\" in {}/package.json imported from {from}",
                    package_dir.display()
                )
            };
            OpError::node(ErrorClass::Error, "ERR_PACKAGE_PATH_NOT_EXPORTED", msg)
        }
        ResolveError::ImportNotDefined {
            specifier,
            package_dir,
        } => {
            let within = package_dir
                .map(|d| format!(" in package {}/package.json", d.display()))
                .unwrap_or_default();
            type_error(
                "ERR_PACKAGE_IMPORT_NOT_DEFINED",
                format!(
                    "Package import specifier \"{specifier}\" is not defined{within} imported from {from}"
                ),
            )
        }
        ResolveError::InvalidTarget {
            package_dir,
            key,
            target,
            is_import,
        } => OpError::node(
            ErrorClass::Error,
            "ERR_INVALID_PACKAGE_TARGET",
            format!(
                "Invalid \"{}\" target \"{target}\" defined for '{key}' in the package config {}/package.json imported from {from}",
                if is_import { "imports" } else { "exports" },
                package_dir.display()
            ),
        ),
        ResolveError::DirectoryImport { path } => OpError::node(
            ErrorClass::Error,
            "ERR_UNSUPPORTED_DIR_IMPORT",
            format!(
                "Directory import '{}' is not supported resolving ES modules imported from {from}",
                path.display()
            ),
        ),
        ResolveError::InvalidSpecifier { specifier, reason } => type_error(
            "ERR_INVALID_MODULE_SPECIFIER",
            format!("Invalid module \"{specifier}\" {reason} imported from {from}"),
        ),
        ResolveError::InvalidConfig { path, message } => OpError::node(
            ErrorClass::Error,
            "ERR_INVALID_PACKAGE_CONFIG",
            format!("Invalid package config {}. {message}", path.display()),
        ),
    }
}

/// Reads a module's source as UTF-8, dropping a byte-order mark.
pub(crate) fn read_source(path: &Path) -> Result<String, OpError> {
    // Loading the program's own modules is the host's work, done synchronously like `require`.
    let bytes = actors::pool::ops::read_file(path)?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
}

/// A hashbang line is not valid inside a function wrapper: blank it, keeping line numbers.
fn strip_hashbang(source: &str) -> std::borrow::Cow<'_, str> {
    if source.starts_with("#!") {
        let end = source.find('\n').unwrap_or(source.len());
        std::borrow::Cow::Owned(format!("//{}", &source[2..end]) + &source[end..])
    } else {
        std::borrow::Cow::Borrowed(source)
    }
}

/// Compiles `source` as the body of a function with the given wrapper, reporting `path` in
/// stack traces and syntax errors.
fn compile_wrapped(prefix: &str, source: &str, path: &str, cx: &mut Context) -> JsResult<JsObject> {
    let wrapped = format!("{prefix}{}\n}})", strip_hashbang(source));
    let script = Script::parse(
        Source::from_bytes(wrapped.as_bytes()).with_path(Path::new(path)),
        None,
        cx,
    )?;
    let f = script.evaluate(cx)?;
    f.as_object().ok_or_else(|| {
        JsNativeError::typ()
            .with_message("module wrapper is not a function")
            .into()
    })
}

/// Compiles the builtin `id` into its wrapper function (see [`facade::builtin_source`] for the
/// development override `ACTORJS_DEV_BUILTINS`).
pub(crate) fn compile_builtin(id: &str, cx: &mut Context) -> JsResult<JsObject> {
    let id = id.strip_prefix("node:").unwrap_or(id);
    let source = facade::builtin_source(id).ok_or_else(|| {
        JsNativeError::error().with_message(format!("No such built-in module: {id}"))
    })?;
    if std::env::var_os("ACTORJS_TRACE_BUILTINS").is_none() {
        return compile_wrapped(BUILTIN_PREFIX, &source, &format!("node:{id}"), cx);
    }
    // What startup spends on each builtin: parsing and compiling its source.
    let start = std::time::Instant::now();
    let f = compile_wrapped(BUILTIN_PREFIX, &source, &format!("node:{id}"), cx);
    eprintln!(
        "builtin {id} {} bytes {} us",
        source.len(),
        start.elapsed().as_micros()
    );
    f
}

impl ModuleHost {
    fn js_hooks(&self) -> Option<(JsObject, JsObject)> {
        self.hooks
            .borrow()
            .as_ref()
            .map(|h| (h.builtin_require.clone(), h.load_commonjs.clone()))
    }

    /// A synthetic module whose default export is `exports` and whose named exports are its
    /// own enumerable string keys (as Node does for builtins and, through its lexer, for CommonJS).
    fn synthetic_from_exports(
        exports: JsValue,
        path: Option<PathBuf>,
        cx: &mut Context,
    ) -> JsResult<Module> {
        let mut names: Vec<JsString> = vec![js_string!("default")];
        if let Some(obj) = exports.as_object() {
            for key in obj.own_property_keys(cx)? {
                // A builtin also exports the names it keeps out of `Object.keys` (the ones newer
                // than node 20, such as `fs.glob`), as node's ES module facade of it does.
                if let PropertyKey::String(s) = key
                    && s != js_string!("default")
                    && (path.is_none()
                        || crate::errors::is_own_enumerable(&obj, s.clone().into(), cx)?)
                {
                    names.push(s);
                }
            }
        }
        let names_array = JsArray::from_iter(names.iter().map(|n| JsValue::from(n.clone())), cx);
        let init = SyntheticModuleInitializer::from_copy_closure_with_captures(
            |module, (exports, names): &(JsValue, JsArray), cx| {
                module.set_export(&js_string!("default"), exports.clone())?;
                let len = names.length(cx)?;
                for i in 1..len {
                    let name = names.get(i, cx)?;
                    let name = name.to_string(cx)?;
                    let value = match exports.as_object() {
                        Some(o) => o.get(name.clone(), cx)?,
                        None => JsValue::undefined(),
                    };
                    module.set_export(&name, value)?;
                }
                Ok(())
            },
            (exports, names_array),
        );
        Ok(Module::synthetic(&names, init, path, None, cx))
    }

    fn builtin_module(&self, name: &str, cx: &mut Context) -> JsResult<Module> {
        if let Some(m) = self.builtins.borrow().get(name) {
            return Ok(m.clone());
        }
        let (builtin_require, _) = self
            .js_hooks()
            .ok_or_else(|| JsNativeError::error().with_message("modules are not ready yet"))?;
        let exports = call(&builtin_require, &[JsString::from(name).into()], cx)?;
        let m = Self::synthetic_from_exports(exports, None, cx)?;
        self.builtins
            .borrow_mut()
            .insert(name.to_string(), m.clone());
        Ok(m)
    }

    /// The ES module record for a resolved file.
    pub(crate) fn module_at(&self, path: &Path, json: bool, cx: &mut Context) -> JsResult<Module> {
        if let Some(m) = self.esm.borrow().get(path) {
            return Ok(m.clone());
        }
        let format = self.resolver.format_of(path);
        let module = match format {
            Format::Module => {
                let src = read_source(path).map_err(|e| crate::errors::to_js(e, cx))?;
                Module::parse(Source::from_bytes(src.as_bytes()).with_path(path), None, cx)?
            }
            Format::Json if json => {
                let src = read_source(path).map_err(|e| crate::errors::to_js(e, cx))?;
                Module::parse_json(JsString::from(src.as_str()), cx)?
            }
            Format::Json => {
                return Err(crate::errors::to_js(
                    type_error(
                        "ERR_IMPORT_ASSERTION_TYPE_MISSING",
                        format!(
                            "Module \"{}\" needs an import attribute of type \"json\"",
                            file_url(path)
                        ),
                    ),
                    cx,
                ));
            }
            Format::CommonJs => {
                let (_, load) = self.js_hooks().ok_or_else(|| {
                    JsNativeError::error().with_message("modules are not ready yet")
                })?;
                let exports = call(
                    &load,
                    &[JsString::from(path.to_string_lossy().as_ref()).into()],
                    cx,
                )?;
                Self::synthetic_from_exports(exports, Some(path.to_path_buf()), cx)?
            }
            Format::Addon => {
                return Err(crate::errors::to_js(
                    OpError::node(
                        ErrorClass::Error,
                        "ERR_NOT_IMPLEMENTED",
                        format!(
                            "native addons are not implemented in actorjs: {}",
                            path.display()
                        ),
                    ),
                    cx,
                ));
            }
        };
        self.esm
            .borrow_mut()
            .insert(path.to_path_buf(), module.clone());
        Ok(module)
    }

    /// Node's hint for an `import` that failed where `require` would have found a file: the
    /// specifier that names that file, JSON-quoted.
    fn commonjs_hint(&self, specifier: &str, referrer: Option<&Path>) -> Option<String> {
        let found = self
            .resolver
            .resolve(specifier, referrer, Mode::Require)
            .ok()?;
        let shown = if specifier.starts_with("./") || specifier.starts_with("../") {
            let dir = referrer?.parent()?;
            let rel = resolve::relative(dir, &found);
            if rel.starts_with("../") {
                rel
            } else {
                format!("./{rel}")
            }
        } else if specifier.starts_with('/') {
            found.display().to_string()
        } else {
            let pkg = specifier.split('/').next()?;
            let needle = format!("/node_modules/{pkg}/");
            let found = found.to_string_lossy();
            match found.rfind(&needle) {
                Some(i) => format!("{pkg}/{}", &found[i + needle.len()..]),
                None => file_url(Path::new(found.as_ref())),
            }
        };
        (shown != specifier).then(|| serde_json::Value::from(shown).to_string())
    }

    /// Resolves and loads an `import` of `specifier` from the module at `referrer`.
    fn load(
        &self,
        referrer: Option<&Path>,
        request: &ModuleRequest,
        cx: &mut Context,
    ) -> JsResult<Module> {
        let specifier = request.specifier().to_std_string_lossy();
        if let Some(name) = builtin_name(&specifier, cx) {
            return self.builtin_module(name, cx);
        }
        if specifier.starts_with("node:") {
            return Err(crate::errors::to_js(
                OpError::node(
                    ErrorClass::Error,
                    "ERR_UNKNOWN_BUILTIN_MODULE",
                    format!("No such built-in module: {specifier}"),
                ),
                cx,
            ));
        }
        let path = self
            .resolver
            .resolve(&specifier, referrer, Mode::Import)
            .map_err(|e| {
                let hint = matches!(
                    e,
                    ResolveError::NotFound { .. } | ResolveError::DirectoryImport { .. }
                )
                .then(|| self.commonjs_hint(&specifier, referrer))
                .flatten();
                let mut err = import_error(e, &specifier, referrer);
                if let (Some(hint), OpError::Node { message, .. }) = (hint, &mut err) {
                    message.push_str(&format!("\nDid you mean to import {hint}?"));
                }
                crate::errors::to_js(err, cx)
            })?;
        let json = request
            .get_attribute("type")
            .is_some_and(|t| *t == js_string!("json"));
        self.module_at(&path, json, cx)
    }
}

/// Boa's module loader for `import` and `import()`, from modules and from scripts.
pub(crate) struct Loader;

impl ModuleLoader for Loader {
    fn load_imported_module(
        self: Rc<Self>,
        referrer: Referrer,
        request: ModuleRequest,
        context: &RefCell<&mut Context>,
    ) -> impl std::future::Future<Output = JsResult<Module>> {
        let result = {
            let cx = &mut **context.borrow_mut();
            let h = host(cx);
            h.modules.load(referrer.path(), &request, cx)
        };
        std::future::ready(result)
    }

    fn init_import_meta(self: Rc<Self>, import_meta: &JsObject, module: &Module, cx: &mut Context) {
        let Some(path) = module.path().map(Path::to_path_buf) else {
            return;
        };
        let url = JsString::from(file_url(&path).as_str());
        let _ = import_meta.set(js_string!("url"), url, false, cx);
        let _ = import_meta.set(
            js_string!("filename"),
            JsString::from(path.to_string_lossy().as_ref()),
            false,
            cx,
        );
        if let Some(dir) = path.parent() {
            let _ = import_meta.set(
                js_string!("dirname"),
                JsString::from(dir.to_string_lossy().as_ref()),
                false,
                cx,
            );
        }
        let resolve = NativeFunction::from_copy_closure_with_captures(
            |_, args, from: &JsString, cx| {
                let specifier = args
                    .first()
                    .cloned()
                    .unwrap_or_default()
                    .to_string(cx)?
                    .to_std_string_lossy();
                if let Some(name) = builtin_name(&specifier, cx) {
                    let url = if name.starts_with("actorjs:") {
                        name.to_string()
                    } else {
                        format!("node:{name}")
                    };
                    return Ok(JsString::from(url.as_str()).into());
                }
                let from = PathBuf::from(from.to_std_string_lossy());
                let h = host(cx);
                let found = h
                    .modules
                    .resolver
                    .resolve(&specifier, Some(&from), Mode::Import);
                match found {
                    Ok(p) => Ok(JsString::from(file_url(&p).as_str()).into()),
                    Err(e) => Err(crate::errors::to_js(
                        import_error(e, &specifier, Some(&from)),
                        cx,
                    )),
                }
            },
            JsString::from(path.to_string_lossy().as_ref()),
        );
        let resolve = boa_engine::object::FunctionObjectBuilder::new(cx.realm(), resolve)
            .name(js_string!("resolve"))
            .length(1)
            .build();
        let _ = import_meta.set(js_string!("resolve"), resolve, false, cx);
    }
}

pub(crate) static BINDING: Binding = Binding {
    name: "modules",
    ops: &[
        ("op_module_resolve", op_module_resolve),
        ("op_module_format", op_module_format),
        ("op_module_read", op_module_read),
        ("op_module_compile_cjs", op_module_compile_cjs),
        ("op_module_wrapper_prefix", op_module_wrapper_prefix),
        ("op_module_paths", op_module_paths),
        ("op_module_import_sync", op_module_import_sync),
        ("op_module_run_esm", op_module_run_esm),
        ("op_module_set_hooks", op_module_set_hooks),
        ("op_module_builtins", op_module_builtins),
        ("op_module_is_builtin", op_module_is_builtin),
        ("op_builtin_compile", op_builtin_compile),
        ("op_script_run", op_script_run),
        ("op_module_package_scope", op_module_package_scope),
        ("op_module_stat", op_module_stat),
    ],
};

fn arg(args: &[JsValue], i: usize) -> JsValue {
    args.get(i).cloned().unwrap_or_default()
}

fn string(args: &[JsValue], i: usize, cx: &mut Context) -> Result<String, OpError> {
    Ok(arg(args, i).to_string(cx)?.to_std_string_lossy())
}

fn set(
    obj: &JsObject,
    key: &str,
    value: impl Into<JsValue>,
    cx: &mut Context,
) -> Result<(), OpError> {
    obj.set(JsString::from(key), value.into(), false, cx)?;
    Ok(())
}

/// `op_module_resolve(specifier, parentPath | null, 'require' | 'import')` → the resolved path,
/// or `{ failed, ... }` describing why, for the JS side to raise Node's error with its own
/// context (the require stack).
fn op_module_resolve(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let specifier = string(args, 0, cx)?;
    let parent = arg(args, 1);
    let parent = if parent.is_null_or_undefined() {
        None
    } else {
        Some(PathBuf::from(string(args, 1, cx)?))
    };
    let mode = if string(args, 2, cx)? == "import" {
        Mode::Import
    } else {
        Mode::Require
    };
    let h = host(cx);
    match h
        .modules
        .resolver
        .resolve(&specifier, parent.as_deref(), mode)
    {
        Ok(p) => Ok(JsString::from(p.to_string_lossy().as_ref()).into()),
        Err(e) => {
            if mode == Mode::Import {
                return Err(import_error(e, &specifier, parent.as_deref()));
            }
            let obj = JsObject::with_object_proto(cx.intrinsics());
            match e {
                ResolveError::NotFound { .. } => set(&obj, "failed", js_string!("not_found"), cx)?,
                other => {
                    // Package errors carry Node's ESM-style code even for require.
                    let err = import_error(other, &specifier, parent.as_deref());
                    let err = crate::errors::to_js(err, cx);
                    let err = crate::errors::opaque(err, cx);
                    set(&obj, "failed", js_string!("error"), cx)?;
                    set(&obj, "error", err, cx)?;
                }
            }
            Ok(obj.into())
        }
    }
}

fn op_module_format(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let path = PathBuf::from(string(args, 0, cx)?);
    Ok(JsString::from(host(cx).modules.resolver.format_of(&path).name()).into())
}

fn op_module_read(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let path = PathBuf::from(string(args, 0, cx)?);
    Ok(JsString::from(read_source(&path)?.as_str()).into())
}

/// `op_module_compile_cjs(source, filename)` → the module's wrapper function.
fn op_module_compile_cjs(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let source = string(args, 0, cx)?;
    let filename = string(args, 1, cx)?;
    Ok(compile_wrapped(CJS_PREFIX, &source, &filename, cx)?.into())
}

/// `Module._stat(path)`: 0 for a file, 1 for a directory, a negative errno otherwise.
fn op_module_stat(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let path = PathBuf::from(string(args, 0, cx)?);
    Ok(match actors::pool::ops::stat(&path) {
        Ok(s) if s.kind() == actors::pool::FileKind::Dir => 1,
        Ok(_) => 0,
        Err(e) => -e.raw_os_error().unwrap_or(libc::ENOENT),
    }
    .into())
}

fn op_module_wrapper_prefix(_: &JsValue, _: &[JsValue], _: &mut Context) -> OpResult {
    Ok(JsString::from(CJS_PREFIX).into())
}

/// `module.paths` for a directory.
fn op_module_paths(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let dir = PathBuf::from(string(args, 0, cx)?);
    let paths = resolve::node_module_paths(&dir)
        .into_iter()
        .map(|p| JsValue::from(JsString::from(p.to_string_lossy().as_ref())));
    Ok(JsArray::from_iter(paths, cx).into())
}

fn op_module_package_scope(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let dir = PathBuf::from(string(args, 0, cx)?);
    let h = host(cx);
    match h.modules.resolver.package_scope(&dir) {
        Ok(Some(p)) => Ok(JsString::from(p.dir.to_string_lossy().as_ref()).into()),
        _ => Ok(JsValue::null()),
    }
}

/// Evaluates a module and runs microtasks until its evaluation settles; a module that waits on
/// more than microtasks (top-level await on I/O) cannot be required synchronously.
fn evaluate_now(module: &Module, path: &Path, cx: &mut Context) -> Result<JsValue, OpError> {
    let promise = module.load_link_evaluate(cx);
    let h = host(cx);
    loop {
        if let Some(r) = crate::jobs::settled(&promise) {
            return match r {
                Ok(_) => Ok(module.namespace(cx).into()),
                Err(e) => Err(OpError::Js(JsError::from_opaque(e))),
            };
        }
        if h.jobs.is_empty() {
            return Err(OpError::node(
                ErrorClass::Error,
                "ERR_REQUIRE_ASYNC_MODULE",
                format!(
                    "require() cannot be used on an ESM graph with top-level await. Use import() instead. To see where the top-level await comes from, use --experimental-print-required-tla.\n  From {}",
                    path.display()
                ),
            ));
        }
        h.jobs.run(cx)?;
    }
}

/// `require()` of an ES module: its namespace.
fn op_module_import_sync(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let path = PathBuf::from(string(args, 0, cx)?);
    let h = host(cx);
    let module = h.modules.module_at(&path, false, cx)?;
    evaluate_now(&module, &path, cx)
}

/// Runs an ES module entry point: the promise of its evaluation.
fn op_module_run_esm(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let path = PathBuf::from(string(args, 0, cx)?);
    let h = host(cx);
    let module = h.modules.module_at(&path, false, cx)?;
    Ok(module.load_link_evaluate(cx).into())
}

fn op_module_set_hooks(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let obj = arg(args, 0)
        .as_object()
        .ok_or_else(|| OpError::invalid_arg("hooks"))?;
    let builtin_require = obj
        .get(js_string!("builtinRequire"), cx)?
        .as_object()
        .ok_or_else(|| OpError::invalid_arg("builtinRequire"))?;
    let load_commonjs = obj
        .get(js_string!("loadCommonJs"), cx)?
        .as_object()
        .ok_or_else(|| OpError::invalid_arg("loadCommonJs"))?;
    *host(cx).modules.hooks.borrow_mut() = Some(JsModuleHooks {
        builtin_require,
        load_commonjs,
    });
    Ok(JsValue::undefined())
}

/// `module.builtinModules`.
fn op_module_builtins(_: &JsValue, _: &[JsValue], cx: &mut Context) -> OpResult {
    let names = facade::public_modules()
        .into_iter()
        .map(|n| JsValue::from(JsString::from(n.as_str())));
    Ok(JsArray::from_iter(names, cx).into())
}

fn op_module_is_builtin(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let name = string(args, 0, cx)?;
    Ok(JsValue::from(builtin_name(&name, cx).is_some()))
}

fn op_builtin_compile(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let id = string(args, 0, cx)?;
    Ok(compile_builtin(&id, cx)?.into())
}

/// `op_script_run(source, filename)`: evaluates a classic script (`-e`, the REPL).
fn op_script_run(_: &JsValue, args: &[JsValue], cx: &mut Context) -> OpResult {
    let source = string(args, 0, cx)?;
    let filename = string(args, 1, cx)?;
    let script = Script::parse(
        Source::from_bytes(source.as_bytes()).with_path(Path::new(&filename)),
        None,
        cx,
    )?;
    Ok(script.evaluate(cx)?)
}
