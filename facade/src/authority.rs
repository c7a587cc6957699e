//! Authority: what a context may reach outside itself.
//!
//! Authority comes only from the host. The CLI gives full authority unless it is told otherwise
//! (`--allow-read`, `--deny-net`, ...); an embedding Rust service starts from
//! [`Authority::none`] and grants what it chooses. JS can narrow its authority
//! ([`Authority::drop_scope`]) but never widen it.
//!
//! # Paths
//!
//! A path grant names a directory (or a file). Every call under it resolves the rest of the path
//! beneath a descriptor of that directory ([`actors::pool::beneath`]), so neither `..` nor a
//! symlink leads out of it: the check is the resolution, not a string comparison. A path that
//! no grant covers is denied at once, on the JS thread; one that escapes while it is resolved is
//! denied when the call runs (on the pool for the asynchronous forms). Deny rules win over
//! grants, and are checked on the path as written and, when there are any, on where the
//! resolution really led.
//!
//! # Revocation
//!
//! [`Authority::revoke`] (from any thread) and [`Authority::drop_scope`] (from JS) narrow the
//! authority and bump its epoch. The context notices the new epoch before its next fd or
//! network call and after every poll, and closes every handle the narrower authority no longer
//! covers (files, sockets, servers, watchers), so nothing derived from a grant outlives it.

use std::ffi::OsString;
use std::fmt;
use std::io;
use std::net::IpAddr;
use std::os::fd::{AsFd, OwnedFd};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use actors::Rights;
use actors::SystemHandle;
use actors::pool::FileKind;
use actors::pool::beneath::{self, Follow, Resolved};
use actors::pool::ops::{self, FsError, FsResult};

/// Names a grant, for [`Authority::revoke`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GrantId(u64);

/// The error of a denied operation: Node's `ERR_ACCESS_DENIED`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessDenied {
    /// Node's name of the permission: `FileSystemRead`, `FileSystemWrite`, `Net`,
    /// `Environment`, `ChildProcess`.
    pub permission: &'static str,
    /// What was asked for: an absolute path, `host:port`, a variable's name.
    pub resource: String,
}

impl fmt::Display for AccessDenied {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Access to this API has been restricted ({} {})",
            self.permission, self.resource
        )
    }
}

impl std::error::Error for AccessDenied {}

impl AccessDenied {
    fn path(rights: Rights, path: &Path) -> AccessDenied {
        AccessDenied {
            permission: if rights.contains(Rights::READ) {
                "FileSystemRead"
            } else {
                "FileSystemWrite"
            },
            resource: path.to_string_lossy().into_owned(),
        }
    }

    /// As a filesystem error, for calls that fail on the pool.
    pub fn into_fs(self, syscall: &'static str) -> FsError {
        FsError::new(
            syscall,
            io::Error::new(io::ErrorKind::PermissionDenied, self),
        )
    }

    /// The denial inside a filesystem error, if it is one.
    pub fn of(e: &FsError) -> Option<&AccessDenied> {
        e.error.get_ref()?.downcast_ref::<AccessDenied>()
    }
}

/// Which paths a grant or a deny rule covers.
#[derive(Debug)]
struct PathRule {
    rights: Rights,
    /// `None`: every path.
    scope: Option<PathScope>,
}

#[derive(Debug)]
struct PathScope {
    /// The path as granted, absolute and lexically clean.
    path: PathBuf,
    /// Where it really is (symlinks in it followed), if it existed when granted.
    real: Option<PathBuf>,
    /// A descriptor of the directory (of the parent, for a file grant) to resolve beneath,
    /// opened when granted, or on first use for a path that did not exist yet.
    dir: Mutex<Option<Arc<OwnedFd>>>,
    /// For a file grant: its name, the one name beneath `dir` it covers.
    file: Option<OsString>,
}

impl PathScope {
    fn new(path: PathBuf) -> PathScope {
        let real = ops::realpath(&path).ok();
        let is_dir = match &real {
            Some(r) => ops::stat(r).is_ok_and(|st| st.kind() == FileKind::Dir),
            None => true,
        };
        let file = (!is_dir)
            .then(|| path.file_name().map(OsString::from))
            .flatten();
        let scope = PathScope {
            path,
            real,
            dir: Mutex::new(None),
            file,
        };
        let _ = scope.dir();
        scope
    }

    /// The directory `abs` is resolved beneath (as written in `abs`: the granted path or its
    /// real path) and the part of `abs` below it, if `abs` is in this scope.
    fn strip<'a>(&'a self, abs: &'a Path) -> Option<(&'a Path, &'a Path)> {
        let base_of = |p: &'a Path| match &self.file {
            Some(_) => p.parent(),
            None => Some(p),
        };
        let (base, rest) = [Some(self.path.as_path()), self.real.as_deref()]
            .into_iter()
            .flatten()
            .filter_map(base_of)
            .find_map(|base| Some((base, abs.strip_prefix(base).ok()?)))?;
        match &self.file {
            Some(name) => (rest.as_os_str() == name.as_os_str()).then_some((base, rest)),
            None => Some((base, rest)),
        }
    }

    fn covers(&self, clean: &Path) -> bool {
        self.strip(clean).is_some()
    }

    /// How deep the granted path is: of two scopes covering a path, the deeper lies inside.
    fn depth(&self) -> usize {
        self.path.components().count()
    }

    fn dir(&self) -> io::Result<Arc<OwnedFd>> {
        let mut dir = self.dir.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(d) = &*dir {
            return Ok(d.clone());
        }
        let at = match &self.file {
            Some(_) => self.path.parent().unwrap_or(Path::new("/")),
            None => &self.path,
        };
        let fd = Arc::new(beneath::open_root(at)?);
        *dir = Some(fd.clone());
        Ok(fd)
    }
}

/// A network grant or deny rule: a host (any if `None`) and a port (any if `None`), or a Unix
/// socket path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum NetRule {
    Inet {
        host: Option<String>,
        port: Option<u16>,
    },
    Unix(PathBuf),
}

impl NetRule {
    /// The rules that cover every network target: any host and port, any socket path.
    fn everything() -> [NetRule; 2] {
        [
            NetRule::Inet {
                host: None,
                port: None,
            },
            NetRule::Unix(PathBuf::from("/")),
        ]
    }

    fn parse(s: &str) -> Result<NetRule, String> {
        if let Some(path) = s.strip_prefix("unix:") {
            return Ok(NetRule::Unix(clean(&absolute(Path::new(path)))));
        }
        let (host, port) = if let Some(rest) = s.strip_prefix('[') {
            // [v6]:port or [v6]
            let (h, after) = rest
                .split_once(']')
                .ok_or_else(|| format!("invalid network address '{s}'"))?;
            (h, after.strip_prefix(':'))
        } else if s.matches(':').count() > 1 {
            (s, None)
        } else {
            match s.rsplit_once(':') {
                Some((h, p)) => (h, Some(p)),
                None => (s, None),
            }
        };
        let port = match port {
            None | Some("") | Some("*") => None,
            Some(p) => Some(
                p.parse::<u16>()
                    .map_err(|_| format!("invalid port in network address '{s}'"))?,
            ),
        };
        let host = (!host.is_empty() && host != "*").then(|| host.to_ascii_lowercase());
        Ok(NetRule::Inet { host, port })
    }

    fn covers(&self, target: &NetTarget<'_>) -> bool {
        match (self, target) {
            (
                NetRule::Inet { host, port },
                NetTarget::Inet {
                    host: h,
                    ip,
                    port: p,
                },
            ) => {
                port.is_none_or(|port| port == *p)
                    && host.as_deref().is_none_or(|host| {
                        let granted = host.parse::<IpAddr>().ok();
                        h.is_some_and(|h| h.eq_ignore_ascii_case(host))
                            || ip.is_some_and(|ip| {
                                granted == Some(ip)
                                    // Every address is every address, in either family.
                                    || (ip.is_unspecified()
                                        && granted.is_some_and(|g| g.is_unspecified()))
                            })
                    })
            }
            (NetRule::Unix(dir), NetTarget::Unix(path)) => {
                // As written and where it really is: a symlink beneath the grant to a socket
                // outside it does not reach that socket.
                let abs = clean(&absolute(path));
                let real_dir = ops::realpath(dir).unwrap_or_else(|_| dir.clone());
                abs.starts_with(dir)
                    && real_socket_path(&abs).is_none_or(|r| r.starts_with(&real_dir))
            }
            _ => false,
        }
    }
}

/// Where a socket path really is: the socket itself if it exists (symlinks followed), or the
/// directory it would be made in.
fn real_socket_path(abs: &Path) -> Option<PathBuf> {
    ops::realpath(abs).ok().or_else(|| {
        let parent = ops::realpath(abs.parent()?).ok()?;
        Some(parent.join(abs.file_name()?))
    })
}

/// What a network call reaches: a host (by the name asked for, and by address once resolved)
/// and port, or a Unix socket path.
#[derive(Debug, Clone, Copy)]
pub enum NetTarget<'a> {
    /// TCP.
    Inet {
        /// The host name the program asked for, if it gave one.
        host: Option<&'a str>,
        /// The address, once known.
        ip: Option<IpAddr>,
        /// The port.
        port: u16,
    },
    /// A Unix domain socket.
    Unix(&'a Path),
}

impl NetTarget<'_> {
    fn resource(&self) -> String {
        match self {
            NetTarget::Inet { host, ip, port } => {
                let host = host
                    .map(str::to_string)
                    .or_else(|| ip.map(|ip| ip.to_string()))
                    .unwrap_or_default();
                if host.contains(':') {
                    format!("[{host}]:{port}")
                } else {
                    format!("{host}:{port}")
                }
            }
            NetTarget::Unix(p) => format!("unix:{}", p.display()),
        }
    }
}

/// An environment grant or deny rule: a name, or names starting with a prefix (`AWS_*`), or
/// every name.
#[derive(Debug, Clone, PartialEq, Eq)]
enum EnvRule {
    All,
    Name(String),
    Prefix(String),
}

impl EnvRule {
    fn parse(s: &str) -> EnvRule {
        match s.strip_suffix('*') {
            Some("") => EnvRule::All,
            Some(p) => EnvRule::Prefix(p.to_string()),
            None => EnvRule::Name(s.to_string()),
        }
    }

    fn covers(&self, name: &str) -> bool {
        match self {
            EnvRule::All => true,
            EnvRule::Name(n) => n == name,
            EnvRule::Prefix(p) => name.starts_with(p.as_str()),
        }
    }
}

#[derive(Debug)]
enum Rule {
    Path(PathRule),
    Net(NetRule),
    Env(EnvRule),
    Run,
}

#[derive(Debug, Default)]
struct Rules {
    next: u64,
    grants: Vec<(GrantId, Rule)>,
    denies: Vec<Rule>,
}

impl Rules {
    fn id(&mut self) -> GrantId {
        self.next += 1;
        GrantId(self.next)
    }

    /// Whether some grant matches `granted` and no deny rule matches `denied`: every check
    /// comes down to this.
    fn allow(&self, granted: impl Fn(&Rule) -> bool, denied: impl Fn(&Rule) -> bool) -> bool {
        self.grants.iter().any(|(_, r)| granted(r)) && !self.denies.iter().any(denied)
    }
}

/// What a context may reach. See the [module documentation](self).
pub struct Authority {
    /// Full authority: nothing is checked, and `process.permission` is undefined.
    full: bool,
    rules: RwLock<Rules>,
    epoch: AtomicU64,
    waker: Mutex<Option<SystemHandle>>,
}

impl fmt::Debug for Authority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.full {
            return f.write_str("Authority(full)");
        }
        let rules = self.read();
        f.debug_struct("Authority")
            .field("grants", &rules.grants)
            .field("denies", &rules.denies)
            .finish()
    }
}

/// The scopes of `process.permission.has` and `drop`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// `fs`: reading and writing.
    Fs,
    /// `fs.read`.
    FsRead,
    /// `fs.write`.
    FsWrite,
    /// `net`.
    Net,
    /// `env`.
    Env,
    /// `child`: running programs.
    Child,
    /// `worker`, `wasi`, `addon`, `inspector`: what actorjs does not grant at all.
    Other,
}

impl Scope {
    /// Node's scope names (and actorjs's `env`); `None` for an unknown name.
    pub fn parse(s: &str) -> Option<Scope> {
        Some(match s {
            "fs" => Scope::Fs,
            "fs.read" => Scope::FsRead,
            "fs.write" => Scope::FsWrite,
            "net" => Scope::Net,
            "env" => Scope::Env,
            "child" => Scope::Child,
            "worker" | "wasi" | "addon" | "inspector" => Scope::Other,
            _ => return None,
        })
    }
}

impl Authority {
    /// Full authority (the CLI's default, Node's behaviour without `--permission`).
    pub fn full() -> Arc<Authority> {
        Arc::new(Authority::new(true))
    }

    /// No authority: every reach outside is denied until granted.
    pub fn none() -> Arc<Authority> {
        Arc::new(Authority::new(false))
    }

    fn new(full: bool) -> Authority {
        Authority {
            full,
            rules: RwLock::default(),
            epoch: AtomicU64::new(0),
            waker: Mutex::new(None),
        }
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Rules> {
        self.rules.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Rules> {
        self.rules.write().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether this is full authority (nothing checked).
    pub fn is_full(&self) -> bool {
        self.full
    }

    fn add(&self, rule: Rule) -> GrantId {
        let mut rules = self.write();
        let id = rules.id();
        rules.grants.push((id, rule));
        id
    }

    fn deny(&self, rule: Rule) {
        self.write().denies.push(rule);
        self.narrowed();
    }

    /// Grants `rights` (read, write or both) beneath `path`, or on every path if `None`.
    pub fn grant_path(&self, path: Option<&Path>, rights: Rights) -> GrantId {
        let mut rules = self.write();
        let id = rules.id();
        let scope = path.map(|p| PathScope::new(clean(&absolute(p))));
        rules
            .grants
            .push((id, Rule::Path(PathRule { rights, scope })));
        id
    }

    /// Grants connecting to and listening on `spec`: `host`, `host:port`, `:port`,
    /// `[v6]:port`, `unix:/path`, or everything if `None`.
    pub fn grant_net(&self, spec: Option<&str>) -> Result<GrantId, String> {
        let rules = match spec {
            Some(s) => vec![NetRule::parse(s)?],
            None => NetRule::everything().to_vec(),
        };
        let mut all = self.write();
        let id = all.id();
        all.grants
            .extend(rules.into_iter().map(|r| (id, Rule::Net(r))));
        Ok(id)
    }

    /// Grants reading and setting the environment variable `name` (`PREFIX_*` for a prefix),
    /// or every variable if `None`.
    pub fn grant_env(&self, name: Option<&str>) -> GrantId {
        self.add(Rule::Env(name.map_or(EnvRule::All, EnvRule::parse)))
    }

    /// Grants running programs.
    pub fn grant_run(&self) -> GrantId {
        self.add(Rule::Run)
    }

    /// Denies `rights` beneath `path` (everywhere if `None`), whatever is granted.
    pub fn deny_path(&self, path: Option<&Path>, rights: Rights) {
        let scope = path.map(|p| PathScope::new(clean(&absolute(p))));
        self.deny(Rule::Path(PathRule { rights, scope }));
    }

    /// Denies the network targets `spec` covers (everything if `None`).
    pub fn deny_net(&self, spec: Option<&str>) -> Result<(), String> {
        let rules = match spec {
            Some(s) => vec![NetRule::parse(s)?],
            None => NetRule::everything().to_vec(),
        };
        for r in rules {
            self.deny(Rule::Net(r));
        }
        Ok(())
    }

    /// Denies the environment variables `name` covers (every one if `None`).
    pub fn deny_env(&self, name: Option<&str>) {
        self.deny(Rule::Env(name.map_or(EnvRule::All, EnvRule::parse)));
    }

    /// Denies running programs.
    pub fn deny_run(&self) {
        self.deny(Rule::Run);
    }

    /// Revokes a grant: calls it covered fail from now on, and the context closes the handles
    /// derived from it. Callable from any thread while the script runs.
    pub fn revoke(&self, id: GrantId) {
        self.write().grants.retain(|(g, _)| *g != id);
        self.narrowed();
    }

    /// Narrows the authority from JS (`process.permission.drop`): `reference` (a path for the
    /// fs scopes, `host:port` for net, a name for env) or the whole scope.
    pub fn drop_scope(&self, scope: Scope, reference: Option<&str>) -> Result<(), String> {
        if self.full {
            return Err("full authority cannot be narrowed".into());
        }
        match scope {
            Scope::Fs | Scope::FsRead | Scope::FsWrite => {
                let rights = match scope {
                    Scope::FsRead => Rights::READ,
                    Scope::FsWrite => Rights::WRITE,
                    _ => Rights::READ | Rights::WRITE,
                };
                self.deny_path(reference.map(Path::new), rights);
            }
            Scope::Net => self.deny_net(reference)?,
            Scope::Env => self.deny_env(reference),
            Scope::Child => self.deny_run(),
            Scope::Other => {}
        }
        Ok(())
    }

    fn narrowed(&self) {
        self.epoch.fetch_add(1, Ordering::AcqRel);
        let waker = self.waker.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(w) = &*waker {
            w.wake();
        }
    }

    /// Bumped each time the authority narrows.
    pub fn epoch(&self) -> u64 {
        self.epoch.load(Ordering::Acquire)
    }

    /// Wakes the context's loop when the authority narrows, so it closes what is no longer
    /// covered even while it waits.
    pub fn set_waker(&self, waker: SystemHandle) {
        *self.waker.lock().unwrap_or_else(|e| e.into_inner()) = Some(waker);
    }

    // ---- checks ----

    /// Where a call on `path` needing `rights` may go. Denied at once when no grant covers it.
    pub fn place(&self, path: PathBuf, rights: Rights) -> Result<Place, AccessDenied> {
        if self.full {
            return Ok(Place::anywhere(path));
        }
        let abs = absolute(&path);
        let lexical = clean(&abs);
        let rules = self.read();
        let denied = |r: Rights| AccessDenied::path(r, &lexical);
        // The deny rules on the path as written.
        let mut deny_real = Vec::new();
        for rule in &rules.denies {
            if let Rule::Path(d) = rule
                && d.rights.intersect(rights) != Rights::NONE
            {
                match &d.scope {
                    None => return Err(denied(d.rights.intersect(rights))),
                    Some(s) if s.covers(&lexical) => {
                        return Err(denied(d.rights.intersect(rights)));
                    }
                    Some(s) => deny_real.push(s.real.clone().unwrap_or_else(|| s.path.clone())),
                }
            }
        }
        // The deepest grant for each right needed; the deepest of those is the root to resolve
        // beneath (it lies inside the others, so beneath it is beneath all).
        let mut root: Option<&PathScope> = None;
        for right in [Rights::READ, Rights::WRITE] {
            if !rights.contains(right) {
                continue;
            }
            let mut best: Option<Option<&PathScope>> = None;
            for (_, rule) in &rules.grants {
                let Rule::Path(g) = rule else { continue };
                if !g.rights.contains(right) {
                    continue;
                }
                match &g.scope {
                    None => {
                        best.get_or_insert(None);
                    }
                    Some(s) if s.covers(&abs) => {
                        let deeper = match best {
                            Some(Some(b)) => s.depth() > b.depth(),
                            _ => true,
                        };
                        if deeper {
                            best = Some(Some(s));
                        }
                    }
                    Some(_) => {}
                }
            }
            match best {
                None => return Err(denied(right)),
                Some(Some(s)) => {
                    if root.is_none_or(|r| s.depth() > r.depth()) {
                        root = Some(s);
                    }
                }
                Some(None) => {}
            }
        }
        let deny_real: Option<Arc<[PathBuf]>> = (!deny_real.is_empty()).then(|| deny_real.into());
        let place = match root {
            None => Place {
                user: path,
                root: None,
                base: PathBuf::from("/"),
                rel: abs,
                lexical,
                rights,
                deny_real,
            },
            Some(scope) => {
                let (base, rel) = scope.strip(&abs).expect("matched above");
                let (mut base, mut rel) = (base.to_path_buf(), rel.to_path_buf());
                let dir = match scope.dir() {
                    Ok(dir) => dir,
                    // A granted directory that does not exist yet: resolve beneath the nearest
                    // directory above it that does, through the missing names (which hold no
                    // symlinks, as they do not exist). A `..` there could climb out of the
                    // grant while staying beneath that directory, so it is refused.
                    Err(_) if !rel.components().any(|c| c == Component::ParentDir) => {
                        let (dir, missing) =
                            nearest_existing(&scope.path).ok_or_else(|| denied(rights))?;
                        base = scope.path.clone();
                        for _ in missing.components() {
                            base.pop();
                        }
                        rel = missing.join(rel);
                        dir
                    }
                    Err(_) => return Err(denied(rights)),
                };
                Place {
                    user: path,
                    root: Some(dir),
                    base,
                    rel,
                    lexical,
                    rights,
                    deny_real,
                }
            }
        };
        Ok(place)
    }

    /// Whether a call on `path` needing `rights` would be allowed (without resolving it).
    pub fn allows_path(&self, path: &Path, rights: Rights) -> bool {
        self.place(path.to_path_buf(), rights).is_ok()
    }

    /// Checks a network call.
    pub fn check_net(&self, target: NetTarget<'_>) -> Result<(), AccessDenied> {
        if self.full {
            return Ok(());
        }
        let covers = |r: &Rule| matches!(r, Rule::Net(n) if n.covers(&target));
        if self.read().allow(covers, covers) {
            Ok(())
        } else {
            Err(AccessDenied {
                permission: "Net",
                resource: target.resource(),
            })
        }
    }

    /// Whether the environment variable `name` may be read and set.
    pub fn allows_env(&self, name: &str) -> bool {
        if self.full {
            return true;
        }
        let covers = |r: &Rule| matches!(r, Rule::Env(e) if e.covers(name));
        self.read().allow(covers, covers)
    }

    /// Whether programs may be run.
    pub fn allows_run(&self) -> bool {
        if self.full {
            return true;
        }
        let run = |r: &Rule| matches!(r, Rule::Run);
        self.read().allow(run, run)
    }

    /// `process.permission.has(scope, reference)`.
    pub fn has(&self, scope: Scope, reference: Option<&str>) -> bool {
        if self.full {
            return true;
        }
        let path_has = |rights: Rights| match reference {
            Some(r) => self.allows_path(Path::new(r), rights),
            // The scope as a whole: only if every path is granted and nothing denied.
            None => self.read().allow(
                |r| matches!(r, Rule::Path(p) if p.scope.is_none() && p.rights.contains(rights)),
                |r| matches!(r, Rule::Path(p) if p.rights.intersect(rights) != Rights::NONE),
            ),
        };
        match scope {
            Scope::Fs => path_has(Rights::READ | Rights::WRITE),
            Scope::FsRead => path_has(Rights::READ),
            Scope::FsWrite => path_has(Rights::WRITE),
            Scope::Net => match reference {
                Some(r) => match NetRule::parse(r) {
                    Ok(NetRule::Unix(p)) => self.check_net(NetTarget::Unix(&p)).is_ok(),
                    Ok(NetRule::Inet { host, port }) => {
                        let ip = host.as_deref().and_then(|h| h.parse().ok());
                        self.check_net(NetTarget::Inet {
                            host: host.as_deref(),
                            ip,
                            port: port.unwrap_or(0),
                        })
                        .is_ok()
                    }
                    Err(_) => false,
                },
                None => self.read().allow(
                    |r| {
                        matches!(
                            r,
                            Rule::Net(NetRule::Inet {
                                host: None,
                                port: None
                            })
                        )
                    },
                    |r| matches!(r, Rule::Net(_)),
                ),
            },
            Scope::Env => match reference {
                Some(name) => self.allows_env(name),
                None => self.read().allow(
                    |r| matches!(r, Rule::Env(EnvRule::All)),
                    |r| matches!(r, Rule::Env(_)),
                ),
            },
            Scope::Child => self.allows_run(),
            Scope::Other => false,
        }
    }
}

/// Where a path call may go: the grant's directory to resolve beneath and the path relative to
/// it. Made by [`Authority::place`] on the JS thread; [`resolve`](Place::resolve) and
/// [`open`](Place::open) run wherever the call runs.
#[derive(Debug)]
pub struct Place {
    /// The path as the program gave it (for error messages).
    user: PathBuf,
    /// The directory to resolve beneath; `None`: anywhere (the path is used as it is).
    root: Option<Arc<OwnedFd>>,
    /// Where `root` is, as the program's paths spell it.
    base: PathBuf,
    /// Relative to `root`; or the absolute path when there is no root.
    rel: PathBuf,
    /// Absolute and lexically clean (for `ERR_ACCESS_DENIED`'s `resource`).
    lexical: PathBuf,
    rights: Rights,
    /// Where resolved objects must not really be (the deny rules' real paths).
    deny_real: Option<Arc<[PathBuf]>>,
}

/// What a path call acts on: the path itself, or what [`Place::resolve`] found.
#[derive(Debug)]
pub enum Target<'a> {
    /// The program's path, unchecked (full authority).
    Path(&'a Path),
    /// A resolution beneath a grant.
    Resolved(Resolved),
}

impl Target<'_> {
    /// The path to give the call.
    pub fn path(&self) -> std::borrow::Cow<'_, Path> {
        match self {
            Target::Path(p) => std::borrow::Cow::Borrowed(p),
            Target::Resolved(r) => std::borrow::Cow::Owned(r.path()),
        }
    }
}

impl Place {
    /// Unchecked: the path as it is.
    pub fn anywhere(path: PathBuf) -> Place {
        Place {
            rel: PathBuf::new(),
            lexical: PathBuf::new(),
            base: PathBuf::new(),
            user: path,
            root: None,
            rights: Rights::NONE,
            deny_real: None,
        }
    }

    /// The path as the program gave it.
    pub fn user(&self) -> &Path {
        &self.user
    }

    /// Whether the path is used as it is (full authority, or a grant of every path with no
    /// deny rule to check).
    pub fn is_plain(&self) -> bool {
        self.root.is_none() && self.deny_real.is_none()
    }

    /// The place of `ancestor`, a path above this one as the program spells it (for making
    /// the directories of a recursive `mkdir` one by one); `None` if it is above the grant.
    pub fn within(&self, ancestor: &Path) -> Option<Place> {
        let abs = absolute(ancestor);
        let rel = match &self.root {
            Some(_) => abs.strip_prefix(&self.base).ok()?.to_path_buf(),
            None => abs.clone(),
        };
        Some(Place {
            user: ancestor.to_path_buf(),
            root: self.root.clone(),
            base: self.base.clone(),
            rel,
            lexical: clean(&abs),
            rights: self.rights,
            deny_real: self.deny_real.clone(),
        })
    }

    /// The path, absolute and lexically clean, when the authority checks paths.
    pub fn checked_path(&self) -> Option<&Path> {
        (!self.lexical.as_os_str().is_empty()).then_some(self.lexical.as_path())
    }

    fn denied(&self, syscall: &'static str) -> FsError {
        AccessDenied::path(self.rights, &self.lexical).into_fs(syscall)
    }

    fn fail(&self, syscall: &'static str, e: io::Error) -> FsError {
        if beneath::is_escape(&e) {
            self.denied(syscall)
        } else {
            FsError::new(syscall, e).path(&self.user)
        }
    }

    fn check_real(
        &self,
        real: impl FnOnce() -> io::Result<PathBuf>,
        syscall: &'static str,
    ) -> FsResult<()> {
        if let Some(deny) = &self.deny_real {
            let real = real().map_err(|e| self.fail(syscall, e))?;
            if deny.iter().any(|d| real.starts_with(d)) {
                return Err(self.denied(syscall));
            }
        }
        Ok(())
    }

    /// Resolves the path for a call named `syscall` (errors are reported with that name and the
    /// program's path).
    pub fn resolve(&self, follow: Follow, syscall: &'static str) -> FsResult<Target<'_>> {
        if self.is_plain() {
            return Ok(Target::Path(&self.user));
        }
        let at_root = self.rel.components().all(|c| c == Component::CurDir);
        let resolved = match &self.root {
            // The granted directory's own name (to remove or rename it) is in its parent,
            // which the host chose along with it.
            Some(_) if at_root && follow == Follow::NotLast => plain_resolve(&self.base, follow),
            Some(root) => beneath::resolve(root.as_fd(), &self.rel, follow),
            None => plain_resolve(&self.rel, follow),
        }
        .map_err(|e| self.fail(syscall, e))?;
        self.check_real(|| resolved.real_path(), syscall)?;
        Ok(Target::Resolved(resolved))
    }

    /// Opens the path with open(2)'s `flags` and `mode`.
    pub fn open(&self, flags: i32, mode: u32) -> FsResult<OwnedFd> {
        if self.is_plain() {
            return ops::open(&self.user, flags, mode);
        }
        let fd = match &self.root {
            Some(root) => beneath::open(root.as_fd(), &self.rel, flags, mode),
            None => ops::open(&self.rel, flags, mode).map_err(io::Error::from),
        }
        .map_err(|e| self.fail("open", e))?;
        self.check_real(|| fd_path(&fd), "open")?;
        Ok(fd)
    }

    /// Puts the program's path back into an error from a call on a resolved path.
    pub fn relabel(&self, mut e: FsError) -> FsError {
        if e.path.is_some() && !self.is_plain() {
            e.path = Some(self.user.clone());
        }
        e
    }

    /// As [`relabel`](Self::relabel), for the destination of a two-path call.
    pub fn relabel_dest(&self, mut e: FsError) -> FsError {
        if e.dest.is_some() && !self.is_plain() {
            e.dest = Some(self.user.clone());
        }
        e
    }
}

/// Resolves an absolute path by the kernel's own rules (absolute symlinks are normal outside a
/// grant); only where it lands is checked, against the deny rules.
fn plain_resolve(abs: &Path, follow: Follow) -> io::Result<Resolved> {
    match (follow, abs.parent(), abs.file_name()) {
        (Follow::NotLast, Some(parent), Some(name)) => Ok(Resolved::new(
            beneath::open_root(parent)?,
            Some(name.to_owned()),
        )),
        _ => Ok(Resolved::new(beneath::open_root(abs)?, None)),
    }
}

fn fd_path(fd: &OwnedFd) -> io::Result<PathBuf> {
    use std::os::fd::AsRawFd;
    ops::readlink(Path::new(&format!("/proc/self/fd/{}", fd.as_raw_fd()))).map_err(io::Error::from)
}

/// The nearest directory above `path` that exists, opened, and the names from it down to
/// `path`.
fn nearest_existing(path: &Path) -> Option<(Arc<OwnedFd>, PathBuf)> {
    let mut missing = Vec::new();
    let mut at = path;
    loop {
        missing.push(at.file_name()?);
        at = at.parent()?;
        if let Ok(fd) = beneath::open_root(at) {
            let rest: PathBuf = missing.iter().rev().collect();
            return Some((Arc::new(fd), rest));
        }
    }
}

/// `path` made absolute against the current directory, as written otherwise.
pub fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    }
}

/// `path` with `.` and `..` removed lexically (as `path.resolve` does).
pub fn clean(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fds::FdTable;
    use crate::fds::tests::rights;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    #[derive(Debug, Clone)]
    enum Step {
        /// Grant rights on directory i.
        Grant(usize, Rights),
        /// Open a file in directory i with rights (derive a handle).
        Open(usize, Rights),
        /// A read-only view of handle k.
        Attenuate(usize),
        /// Revoke the k-th grant made.
        Revoke(usize),
        /// Use handle k with rights.
        Use(usize, Rights),
        /// A path call in directory i needing rights.
        Path(usize, Rights),
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            (0..3usize, rights()).prop_map(|(i, r)| Step::Grant(i, r)),
            (0..3usize, rights()).prop_map(|(i, r)| Step::Open(i, r)),
            (0..8usize).prop_map(Step::Attenuate),
            (0..6usize).prop_map(Step::Revoke),
            (0..8usize, rights()).prop_map(|(k, r)| Step::Use(k, r)),
            (0..3usize, rights()).prop_map(|(i, r)| Step::Path(i, r)),
        ]
    }

    fn dirs() -> (PathBuf, Vec<PathBuf>) {
        let root = ops::mkdtemp(&std::env::temp_dir().join("actorjs-authority-")).unwrap();
        let dirs: Vec<PathBuf> = (0..3).map(|i| root.join(format!("d{i}"))).collect();
        for d in &dirs {
            ops::mkdir(d, 0o755, false).unwrap();
            ops::write_file(&d.join("f"), b"x", libc::O_WRONLY | libc::O_CREAT, 0o644).unwrap();
        }
        (root, dirs)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        // Random grants, opens, attenuations, revocations and uses against a model of who may
        // do what: the real authority and table never allow more than the model.
        #[test]
        fn never_more_than_the_model(steps in proptest::collection::vec(step(), 1..40)) {
            let (root, dirs) = dirs();
            let authority = Authority::none();
            let mut table = FdTable::default();
            // The model: live grants (id, dir, rights); handles (number, dir, rights).
            let mut grants: Vec<(GrantId, usize, Rights)> = Vec::new();
            let mut made: Vec<GrantId> = Vec::new();
            let mut handles: BTreeMap<usize, (usize, Rights)> = BTreeMap::new();
            let model_allows = |grants: &Vec<(GrantId, usize, Rights)>, dir: usize, r: Rights| {
                [Rights::READ, Rights::WRITE].iter().filter(|x| r.contains(**x)).all(|x| {
                    grants.iter().any(|(_, d, g)| *d == dir && g.contains(*x))
                })
            };
            for s in steps {
                match s {
                    Step::Grant(i, r) => {
                        let id = authority.grant_path(Some(&dirs[i]), r);
                        grants.push((id, i, r));
                        made.push(id);
                    }
                    Step::Open(i, r) => {
                        let path = dirs[i].join("f");
                        let allowed = model_allows(&grants, i, r);
                        match authority.place(path, r) {
                            Ok(place) => {
                                prop_assert!(allowed, "opened {i} {r:?} without a grant");
                                let flags = if r == Rights::READ { libc::O_RDONLY }
                                    else if r == Rights::WRITE { libc::O_WRONLY } else { libc::O_RDWR };
                                let fd = place.open(flags, 0).unwrap();
                                let n = table.insert(fd, place, r);
                                handles.insert(n, (i, r));
                            }
                            Err(_) => prop_assert!(!allowed),
                        }
                    }
                    Step::Attenuate(k) => {
                        let n = k + 3;
                        let view = table.attenuate(n as f64, Rights::READ);
                        prop_assert_eq!(view.is_some(), handles.contains_key(&n));
                        if let Some(v) = view {
                            let (dir, r) = handles[&n];
                            handles.insert(v, (dir, r.intersect(Rights::READ)));
                        }
                    }
                    Step::Revoke(k) => {
                        if let Some(id) = made.get(k).copied() {
                            authority.revoke(id);
                            grants.retain(|(g, _, _)| *g != id);
                            for held in table.sweep(&authority) {
                                held.close().unwrap();
                            }
                            // The model closes the handles no longer covered too.
                            handles.retain(|_, (d, r)| model_allows(&grants, *d, *r));
                        }
                    }
                    Step::Use(k, r) => {
                        let n = k + 3;
                        let real = table.get(n as f64, r).is_some();
                        let model = handles.get(&n).is_some_and(|(_, h)| h.contains(r));
                        prop_assert!(!real || model, "handle {n} used for {r:?} beyond the model");
                        prop_assert_eq!(real, model);
                    }
                    Step::Path(i, r) => {
                        let real = authority.allows_path(&dirs[i].join("f"), r);
                        prop_assert_eq!(real, model_allows(&grants, i, r));
                    }
                }
            }
            let _ = ops::remove_all(&root);
        }
    }

    #[test]
    fn net_rules_parse_and_cover() {
        let a = Authority::none();
        a.grant_net(Some("localhost:8080")).unwrap();
        a.grant_net(Some("[::1]")).unwrap();
        a.grant_net(Some(":9000")).unwrap();
        let inet = |host: Option<&'static str>, ip: &str, port| NetTarget::Inet {
            host,
            ip: ip.parse().ok(),
            port,
        };
        assert!(
            a.check_net(inet(Some("localhost"), "127.0.0.1", 8080))
                .is_ok()
        );
        assert!(
            a.check_net(inet(None, "127.0.0.1", 8080)).is_err(),
            "by name only"
        );
        assert!(a.check_net(inet(None, "::1", 1)).is_ok());
        assert!(
            a.check_net(inet(Some("example.com"), "93.184.216.34", 9000))
                .is_ok()
        );
        let e = a
            .check_net(inet(Some("example.com"), "93.184.216.34", 80))
            .unwrap_err();
        assert_eq!(e.permission, "Net");
        assert_eq!(e.resource, "example.com:80");
        a.deny_net(Some(":9000")).unwrap();
        assert!(
            a.check_net(inet(Some("example.com"), "1.2.3.4", 9000))
                .is_err()
        );
    }
}
