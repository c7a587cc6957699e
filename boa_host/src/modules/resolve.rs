//! Node's module resolution, for `require` (CommonJS) and `import` (ES modules), with one
//! `package.json` cache. The algorithms are the ones in Node's docs:
//! <https://nodejs.org/docs/latest-v20.x/api/modules.html#all-together> for `require` and
//! <https://nodejs.org/docs/latest-v20.x/api/esm.html#resolution-algorithm-specification> for
//! `import`, sharing `exports`/`imports` resolution with its conditions and subpath patterns.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::rc::Rc;

use actors::pool::ops::{self, FileKind};
use serde_json::Value;

/// Which algorithm, and which `exports` conditions apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// `require()`: extensions and directory indexes are searched; conditions `require`, `node`.
    Require,
    /// `import`: exact paths; conditions `import`, `node`.
    Import,
}

impl Mode {
    fn conditions(self) -> &'static [&'static str] {
        match self {
            Mode::Require => &["require", "node", "module-sync", "node-addons", "default"],
            Mode::Import => &["import", "node", "module-sync", "node-addons", "default"],
        }
    }
}

/// How a file is evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// CommonJS.
    CommonJs,
    /// An ES module.
    Module,
    /// JSON.
    Json,
    /// A native addon (`.node`), which actorjs cannot load.
    Addon,
}

impl Format {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Format::CommonJs => "commonjs",
            Format::Module => "module",
            Format::Json => "json",
            Format::Addon => "addon",
        }
    }
}

/// Why a specifier did not resolve. Each becomes the error Node throws.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ResolveError {
    /// `MODULE_NOT_FOUND` (require) / `ERR_MODULE_NOT_FOUND` (import).
    NotFound { specifier: String, exact: bool },
    /// `ERR_PACKAGE_PATH_NOT_EXPORTED`.
    NotExported {
        package_dir: PathBuf,
        subpath: String,
    },
    /// `ERR_PACKAGE_IMPORT_NOT_DEFINED`.
    ImportNotDefined {
        specifier: String,
        package_dir: Option<PathBuf>,
    },
    /// `ERR_INVALID_PACKAGE_TARGET`.
    InvalidTarget {
        package_dir: PathBuf,
        key: String,
        target: String,
        is_import: bool,
    },
    /// `ERR_UNSUPPORTED_DIR_IMPORT`.
    DirectoryImport { path: PathBuf },
    /// `ERR_INVALID_MODULE_SPECIFIER`.
    InvalidSpecifier { specifier: String, reason: String },
    /// `ERR_INVALID_PACKAGE_CONFIG`.
    InvalidConfig { path: PathBuf, message: String },
}

/// A parsed `package.json`.
#[derive(Debug)]
pub(crate) struct Package {
    pub(crate) dir: PathBuf,
    json: Value,
}

impl Package {
    fn str_field(&self, key: &str) -> Option<&str> {
        self.json.get(key).and_then(Value::as_str)
    }

    pub(crate) fn is_module(&self) -> bool {
        self.str_field("type") == Some("module")
    }

    fn exports(&self) -> Option<&Value> {
        self.json.get("exports").filter(|v| !v.is_null())
    }
}

/// The resolver, with its `package.json` cache (one per runtime, like Node's).
#[derive(Default)]
pub(crate) struct Resolver {
    packages: RefCell<HashMap<PathBuf, Option<Rc<Package>>>>,
}

// Resolution runs on the JS thread, as `require` is synchronous; it uses the same blocking
// calls the disk pool runs for `fs`'s sync functions.
fn is_file(p: &Path) -> bool {
    ops::stat(p).is_ok_and(|s| s.kind() == FileKind::File)
}

fn is_dir(p: &Path) -> bool {
    ops::stat(p).is_ok_and(|s| s.kind() == FileKind::Dir)
}

/// The path from directory `from` to `to`, with `/` separators (as `path.posix.relative`;
/// both absolute and normalised).
pub(crate) fn relative(from: &Path, to: &Path) -> String {
    let a: Vec<_> = from.components().collect();
    let b: Vec<_> = to.components().collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let ups = std::iter::repeat_n("..".to_string(), a.len() - common);
    let downs = b[common..]
        .iter()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    ups.chain(downs).collect::<Vec<_>>().join("/")
}

/// Lexically normalises `a/./b/../c` to `a/c` (as Node's `path.resolve`, no symlinks involved).
pub(crate) fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                if !out.pop() {
                    out.push("/");
                }
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// Node resolves symlinks in module paths (unless --preserve-symlinks).
fn real(p: PathBuf) -> PathBuf {
    ops::realpath(&p).unwrap_or(p)
}

fn is_relative_specifier(s: &str) -> bool {
    s == "." || s == ".." || s.starts_with("./") || s.starts_with("../")
}

impl Resolver {
    /// The `package.json` in `dir`, parsed once.
    pub(crate) fn package_at(&self, dir: &Path) -> Result<Option<Rc<Package>>, ResolveError> {
        if let Some(p) = self.packages.borrow().get(dir) {
            return Ok(p.clone());
        }
        let path = dir.join("package.json");
        let pkg = match ops::read_file(&path) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes);
                let json: Value =
                    serde_json::from_str(&text).map_err(|e| ResolveError::InvalidConfig {
                        path: path.clone(),
                        message: e.to_string(),
                    })?;
                Some(Rc::new(Package {
                    dir: dir.to_path_buf(),
                    json,
                }))
            }
            Err(_) => None,
        };
        self.packages
            .borrow_mut()
            .insert(dir.to_path_buf(), pkg.clone());
        Ok(pkg)
    }

    /// The nearest `package.json` at or above `dir` (the package scope), stopping at
    /// `node_modules` boundaries as Node does.
    pub(crate) fn package_scope(&self, dir: &Path) -> Result<Option<Rc<Package>>, ResolveError> {
        let mut cur = Some(dir);
        while let Some(d) = cur {
            if d.file_name().is_some_and(|n| n == "node_modules") {
                return Ok(None);
            }
            if let Some(p) = self.package_at(d)? {
                return Ok(Some(p));
            }
            cur = d.parent();
        }
        Ok(None)
    }

    /// How a resolved file is evaluated.
    pub(crate) fn format_of(&self, path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some("mjs") => Format::Module,
            Some("cjs") => Format::CommonJs,
            Some("json") => Format::Json,
            Some("node") => Format::Addon,
            _ => {
                let scope = path
                    .parent()
                    .and_then(|d| self.package_scope(d).ok().flatten());
                if scope.is_some_and(|p| p.is_module())
                    && path.extension().is_some_and(|e| e == "js")
                {
                    Format::Module
                } else {
                    Format::CommonJs
                }
            }
        }
    }

    /// Resolves `specifier` from a module at `parent` (a file; `None` for the entry point or a
    /// script given on the command line, resolved from the current directory). Builtins are the
    /// caller's concern.
    pub(crate) fn resolve(
        &self,
        specifier: &str,
        parent: Option<&Path>,
        mode: Mode,
    ) -> Result<PathBuf, ResolveError> {
        let base_dir = match parent {
            Some(p) => p
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from("/")),
            None => std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/")),
        };
        let not_found = || ResolveError::NotFound {
            specifier: specifier.to_string(),
            exact: specifier.starts_with('/')
                || is_relative_specifier(specifier)
                || specifier.starts_with("file:"),
        };
        if let Some(url_path) = specifier.strip_prefix("file://") {
            let path = PathBuf::from(percent_decode(url_path));
            return self
                .resolve_path(&path, mode)
                .map(real)
                .ok_or_else(not_found);
        }
        if specifier.starts_with('/') || is_relative_specifier(specifier) {
            let path = normalize(&base_dir.join(specifier));
            return match mode {
                Mode::Require => self.load_file_or_dir(&path).map(real).ok_or_else(not_found),
                Mode::Import => {
                    if is_file(&path) {
                        Ok(real(path))
                    } else if is_dir(&path) {
                        Err(ResolveError::DirectoryImport { path })
                    } else {
                        Err(not_found())
                    }
                }
            };
        }
        if specifier.starts_with('#') {
            return self.package_imports(specifier, &base_dir, mode).map(real);
        }
        if specifier.is_empty() {
            return Err(ResolveError::InvalidSpecifier {
                specifier: String::new(),
                reason: "is not a valid package name".into(),
            });
        }
        self.package_resolve(specifier, &base_dir, mode)?
            .map(real)
            .ok_or_else(not_found)
    }

    fn resolve_path(&self, path: &Path, mode: Mode) -> Option<PathBuf> {
        match mode {
            Mode::Require => self.load_file_or_dir(path),
            Mode::Import => is_file(path).then(|| path.to_path_buf()),
        }
    }

    fn load_file_or_dir(&self, path: &Path) -> Option<PathBuf> {
        self.load_as_file(path)
            .or_else(|| self.load_as_directory(path))
    }

    /// `X`, `X.js`, `X.json`, `X.node`.
    fn load_as_file(&self, path: &Path) -> Option<PathBuf> {
        if is_file(path) {
            return Some(path.to_path_buf());
        }
        for ext in ["js", "json", "node"] {
            let mut p = path.as_os_str().to_os_string();
            p.push(".");
            p.push(ext);
            let p = PathBuf::from(p);
            if is_file(&p) {
                return Some(p);
            }
        }
        None
    }

    fn load_index(&self, dir: &Path) -> Option<PathBuf> {
        ["index.js", "index.json", "index.node"]
            .iter()
            .map(|n| dir.join(n))
            .find(|p| is_file(p))
    }

    /// A directory: its `package.json` `main`, else its index.
    fn load_as_directory(&self, dir: &Path) -> Option<PathBuf> {
        if !is_dir(dir) {
            return None;
        }
        if let Ok(Some(pkg)) = self.package_at(dir)
            && let Some(main) = pkg.str_field("main")
            && !main.is_empty()
        {
            let m = normalize(&dir.join(main));
            if let Some(found) = self.load_as_file(&m).or_else(|| self.load_index(&m)) {
                return Some(found);
            }
        }
        self.load_index(dir)
    }

    /// A bare specifier: the package's own name (self-reference), then `node_modules` upwards.
    fn package_resolve(
        &self,
        specifier: &str,
        base_dir: &Path,
        mode: Mode,
    ) -> Result<Option<PathBuf>, ResolveError> {
        let (name, subpath) = split_package_name(specifier)?;
        // Self-reference through the enclosing package's "exports".
        if let Some(scope) = self.package_scope(base_dir)?
            && scope.str_field("name") == Some(name)
            && let Some(exports) = scope.exports()
        {
            return self
                .exports_resolve(&scope, &format!(".{subpath}"), exports, mode)
                .map(Some);
        }
        let mut cur = Some(base_dir);
        while let Some(dir) = cur {
            cur = dir.parent();
            if dir.file_name().is_some_and(|n| n == "node_modules") {
                continue;
            }
            let pkg_dir = dir.join("node_modules").join(name);
            if !is_dir(&pkg_dir) {
                // require also takes a file there (`node_modules/bar.js` for 'bar'), as node's
                // LOAD_AS_FILE(DIR/X); import looks for package directories only.
                if mode == Mode::Require
                    && let Some(found) =
                        self.load_as_file(&dir.join("node_modules").join(specifier))
                {
                    return Ok(Some(found));
                }
                continue;
            }
            let pkg = self.package_at(&pkg_dir)?;
            if let Some(pkg) = &pkg
                && let Some(exports) = pkg.exports()
            {
                return self
                    .exports_resolve(pkg, &format!(".{subpath}"), exports, mode)
                    .map(Some);
            }
            let target = if subpath.is_empty() {
                pkg_dir.clone()
            } else {
                pkg_dir.join(&subpath[1..])
            };
            match mode {
                Mode::Require => {
                    if let Some(found) = self.load_file_or_dir(&target) {
                        return Ok(Some(found));
                    }
                }
                Mode::Import => {
                    if subpath.is_empty() {
                        if let Some(found) = self.legacy_main(&pkg_dir, pkg.as_deref()) {
                            return Ok(Some(found));
                        }
                    } else if is_file(&target) {
                        return Ok(Some(target));
                    } else if is_dir(&target) {
                        return Err(ResolveError::DirectoryImport { path: target });
                    }
                }
            }
        }
        Ok(None)
    }

    /// ESM's legacy main resolution for packages without "exports".
    fn legacy_main(&self, dir: &Path, pkg: Option<&Package>) -> Option<PathBuf> {
        if let Some(main) = pkg.and_then(|p| p.str_field("main")) {
            let m = normalize(&dir.join(main));
            let candidates = [
                m.clone(),
                with_suffix(&m, ".js"),
                with_suffix(&m, ".json"),
                with_suffix(&m, ".node"),
                m.join("index.js"),
                m.join("index.json"),
                m.join("index.node"),
            ];
            if let Some(found) = candidates.into_iter().find(|p| is_file(p)) {
                return Some(found);
            }
        }
        self.load_index(dir)
    }

    fn exports_resolve(
        &self,
        pkg: &Package,
        subpath: &str,
        exports: &Value,
        mode: Mode,
    ) -> Result<PathBuf, ResolveError> {
        let not_exported = || ResolveError::NotExported {
            package_dir: pkg.dir.clone(),
            subpath: subpath.to_string(),
        };
        // "exports": "./x" or [..] or a conditions object is the "." entry.
        let is_conditions = exports
            .as_object()
            .is_some_and(|o| o.keys().next().is_some_and(|k| !k.starts_with('.')));
        let map;
        let exports = if exports.is_string() || exports.is_array() || is_conditions {
            map = serde_json::json!({ ".": exports });
            &map
        } else {
            exports
        };
        match self.imports_exports_resolve(subpath, exports, pkg, false, mode)? {
            Some(p) => Ok(p),
            None => Err(not_exported()),
        }
    }

    fn package_imports(
        &self,
        specifier: &str,
        base_dir: &Path,
        mode: Mode,
    ) -> Result<PathBuf, ResolveError> {
        if specifier == "#" || specifier.starts_with("#/") {
            return Err(ResolveError::InvalidSpecifier {
                specifier: specifier.to_string(),
                reason: "is not a valid internal imports specifier name".into(),
            });
        }
        let scope = self.package_scope(base_dir)?;
        if let Some(pkg) = &scope
            && let Some(imports) = pkg.json.get("imports").filter(|v| v.is_object())
            && let Some(p) = self.imports_exports_resolve(specifier, imports, pkg, true, mode)?
        {
            return Ok(p);
        }
        Err(ResolveError::ImportNotDefined {
            specifier: specifier.to_string(),
            package_dir: scope.map(|p| p.dir.clone()),
        })
    }

    /// PACKAGE_IMPORTS_EXPORTS_RESOLVE: exact keys, then the best `*` pattern.
    fn imports_exports_resolve(
        &self,
        key: &str,
        map: &Value,
        pkg: &Package,
        is_import: bool,
        mode: Mode,
    ) -> Result<Option<PathBuf>, ResolveError> {
        let Some(obj) = map.as_object() else {
            return Ok(None);
        };
        if !key.contains('*')
            && let Some(target) = obj.get(key)
        {
            return self.target_resolve(pkg, key, target, None, is_import, mode);
        }
        // The pattern with the longest prefix before `*` wins (PATTERN_KEY_COMPARE).
        let mut best: Option<(&String, &str)> = None;
        for k in obj.keys() {
            let Some(star) = k.find('*') else { continue };
            if k[star + 1..].contains('*') {
                continue;
            }
            let (prefix, suffix) = (&k[..star], &k[star + 1..]);
            if key.starts_with(prefix)
                && key != prefix
                && key.len() >= k.len()
                && key.ends_with(suffix)
            {
                let better = match best {
                    None => true,
                    Some((b, _)) => pattern_key_compare(k, b),
                };
                if better {
                    best = Some((k, &key[prefix.len()..key.len() - suffix.len()]));
                }
            }
        }
        if let Some((k, matched)) = best {
            return self.target_resolve(pkg, k, &obj[k], Some(matched), is_import, mode);
        }
        Ok(None)
    }

    /// PACKAGE_TARGET_RESOLVE: strings, arrays (first that resolves) and condition objects.
    fn target_resolve(
        &self,
        pkg: &Package,
        key: &str,
        target: &Value,
        pattern: Option<&str>,
        is_import: bool,
        mode: Mode,
    ) -> Result<Option<PathBuf>, ResolveError> {
        let invalid = |t: &str| ResolveError::InvalidTarget {
            package_dir: pkg.dir.clone(),
            key: key.to_string(),
            target: t.to_string(),
            is_import,
        };
        match target {
            Value::String(t) => {
                if !t.starts_with("./") {
                    if is_import && !t.starts_with("../") && !t.starts_with('/') {
                        // An import map to a bare specifier resolves it as a package.
                        let spec = match pattern {
                            Some(m) => t.replace('*', m),
                            None => t.clone(),
                        };
                        return self.package_resolve(&spec, &pkg.dir.join("package.json"), mode);
                    }
                    return Err(invalid(t));
                }
                let resolved = match pattern {
                    Some(m) => t.replace('*', m),
                    None => t.clone(),
                };
                let path = normalize(&pkg.dir.join(&resolved));
                if !path.starts_with(&pkg.dir)
                    || resolved.split('/').any(|seg| seg == "node_modules")
                {
                    return Err(invalid(t));
                }
                if mode == Mode::Import && is_dir(&path) {
                    return Err(ResolveError::DirectoryImport { path });
                }
                if !is_file(&path) {
                    return Err(ResolveError::NotFound {
                        specifier: path.display().to_string(),
                        exact: true,
                    });
                }
                Ok(Some(path))
            }
            Value::Array(items) => {
                let mut last_err = None;
                for item in items {
                    match self.target_resolve(pkg, key, item, pattern, is_import, mode) {
                        Ok(Some(p)) => return Ok(Some(p)),
                        Ok(None) => continue,
                        Err(e @ ResolveError::InvalidTarget { .. }) => last_err = Some(e),
                        Err(e) => return Err(e),
                    }
                }
                match last_err {
                    Some(e) => Err(e),
                    None => Ok(None),
                }
            }
            Value::Object(conds) => {
                for (cond, value) in conds {
                    if mode.conditions().contains(&cond.as_str())
                        && let Some(p) =
                            self.target_resolve(pkg, key, value, pattern, is_import, mode)?
                    {
                        return Ok(Some(p));
                    }
                }
                Ok(None)
            }
            Value::Null => Ok(None),
            other => Err(invalid(&other.to_string())),
        }
    }
}

/// Whether pattern key `a` should win over `b`: the longer prefix before `*`, then the longer key.
fn pattern_key_compare(a: &str, b: &str) -> bool {
    let pa = a.find('*').map_or(a.len(), |i| i + 1);
    let pb = b.find('*').map_or(b.len(), |i| i + 1);
    if pa != pb {
        return pa > pb;
    }
    a.len() > b.len()
}

fn with_suffix(p: &Path, suffix: &str) -> PathBuf {
    let mut s = p.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

/// `@scope/name/sub` → (`@scope/name`, `/sub`); `name` → (`name`, ``).
fn split_package_name(specifier: &str) -> Result<(&str, &str), ResolveError> {
    let invalid = || ResolveError::InvalidSpecifier {
        specifier: specifier.to_string(),
        reason: "is not a valid package name".into(),
    };
    let end = if specifier.starts_with('@') {
        let first = specifier.find('/').ok_or_else(invalid)?;
        specifier[first + 1..]
            .find('/')
            .map_or(specifier.len(), |i| first + 1 + i)
    } else {
        specifier.find('/').unwrap_or(specifier.len())
    };
    let name = &specifier[..end];
    if name.starts_with('.') || name.contains('\\') || name.contains('%') {
        return Err(invalid());
    }
    Ok((name, &specifier[end..]))
}

/// Decodes `%xx` escapes of a file URL path.
pub(crate) fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (hex(bytes.get(i + 1)), hex(bytes.get(i + 2)))
        {
            out.push(h * 16 + l);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: Option<&u8>) -> Option<u8> {
    let b = *b?;
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// The directories `require` searches for bare specifiers from `dir` (`module.paths`).
pub(crate) fn node_module_paths(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut cur = Some(dir);
    while let Some(d) = cur {
        if d.file_name().is_none_or(|n| n != "node_modules") {
            out.push(d.join("node_modules"));
        }
        cur = d.parent();
    }
    out
}

#[cfg(test)]
#[allow(
    clippy::disallowed_methods,
    reason = "tests build their fixture trees directly"
)]
mod tests {
    use super::*;
    use std::fs;

    fn write(root: &Path, rel: &str, text: &str) {
        let p = root.join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }

    #[test]
    fn require_and_import_resolution() {
        let dir = tempfile::tempdir().unwrap();
        let root = fs::canonicalize(dir.path()).unwrap();
        write(&root, "app/main.js", "");
        write(&root, "app/lib/index.js", "");
        write(&root, "app/data.json", "{}");
        write(
            &root,
            "app/package.json",
            r##"{"name":"app","imports":{"#dep":"./lib/index.js","#ext/*":"./lib/*.js"},"exports":{"./self":"./data.json"}}"##,
        );
        write(
            &root,
            "node_modules/legacy/package.json",
            r#"{"main":"./dist/entry"}"#,
        );
        write(&root, "node_modules/legacy/dist/entry.js", "");
        write(&root, "node_modules/legacy/sub.js", "");
        write(
            &root,
            "node_modules/mod/package.json",
            r#"{"exports":{".":{"import":"./m.mjs","require":"./c.cjs"},"./feature/*":"./features/*.js","./private/*":null}}"#,
        );
        write(&root, "node_modules/mod/m.mjs", "");
        write(&root, "node_modules/mod/c.cjs", "");
        write(&root, "node_modules/mod/features/x.js", "");
        write(&root, "node_modules/@s/p/index.js", "");
        let r = Resolver::default();
        let main = root.join("app/main.js");
        let from = Some(main.as_path());
        assert_eq!(
            r.resolve("./lib", from, Mode::Require).unwrap(),
            root.join("app/lib/index.js")
        );
        assert_eq!(
            r.resolve("./data", from, Mode::Require).unwrap(),
            root.join("app/data.json")
        );
        assert!(matches!(
            r.resolve("./data", from, Mode::Import),
            Err(ResolveError::NotFound { .. })
        ));
        assert!(matches!(
            r.resolve("./lib", from, Mode::Import),
            Err(ResolveError::DirectoryImport { .. })
        ));
        assert_eq!(
            r.resolve("legacy", from, Mode::Require).unwrap(),
            root.join("node_modules/legacy/dist/entry.js")
        );
        assert_eq!(
            r.resolve("legacy", from, Mode::Import).unwrap(),
            root.join("node_modules/legacy/dist/entry.js")
        );
        assert_eq!(
            r.resolve("legacy/sub", from, Mode::Require).unwrap(),
            root.join("node_modules/legacy/sub.js")
        );
        assert_eq!(
            r.resolve("mod", from, Mode::Require).unwrap(),
            root.join("node_modules/mod/c.cjs")
        );
        assert_eq!(
            r.resolve("mod", from, Mode::Import).unwrap(),
            root.join("node_modules/mod/m.mjs")
        );
        assert_eq!(
            r.resolve("mod/feature/x", from, Mode::Import).unwrap(),
            root.join("node_modules/mod/features/x.js")
        );
        assert!(matches!(
            r.resolve("mod/private/x", from, Mode::Import),
            Err(ResolveError::NotExported { .. })
        ));
        assert!(matches!(
            r.resolve("mod/c.cjs", from, Mode::Require),
            Err(ResolveError::NotExported { .. })
        ));
        assert_eq!(
            r.resolve("@s/p", from, Mode::Require).unwrap(),
            root.join("node_modules/@s/p/index.js")
        );
        assert_eq!(
            r.resolve("#dep", from, Mode::Import).unwrap(),
            root.join("app/lib/index.js")
        );
        assert_eq!(
            r.resolve("#ext/index", from, Mode::Require).unwrap(),
            root.join("app/lib/index.js")
        );
        assert!(matches!(
            r.resolve("#nope", from, Mode::Import),
            Err(ResolveError::ImportNotDefined { .. })
        ));
        assert_eq!(
            r.resolve("app/self", from, Mode::Require).unwrap(),
            root.join("app/data.json")
        );
        assert!(matches!(
            r.resolve("missing", from, Mode::Require),
            Err(ResolveError::NotFound { .. })
        ));
        assert_eq!(
            r.format_of(&root.join("node_modules/mod/m.mjs")),
            Format::Module
        );
        assert_eq!(r.format_of(&main), Format::CommonJs);
    }

    #[test]
    fn type_module_makes_js_files_modules() {
        let dir = tempfile::tempdir().unwrap();
        let root = fs::canonicalize(dir.path()).unwrap();
        write(&root, "package.json", r#"{"type":"module"}"#);
        write(&root, "a.js", "");
        write(&root, "b.cjs", "");
        let r = Resolver::default();
        assert_eq!(r.format_of(&root.join("a.js")), Format::Module);
        assert_eq!(r.format_of(&root.join("b.cjs")), Format::CommonJs);
    }

    #[test]
    fn module_paths_go_up_to_the_root() {
        let paths = node_module_paths(Path::new("/a/node_modules/b"));
        assert_eq!(
            paths,
            [
                PathBuf::from("/a/node_modules/b/node_modules"),
                PathBuf::from("/a/node_modules"),
                PathBuf::from("/node_modules")
            ]
        );
    }
}
