//! `actorjs`: runs Node.js programs.
//!
//! ```text
//! actorjs [options] [script.js | -e code | -p code | -] [arguments...]
//! ```

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};

use actors::Rights;
use boa_host::{Authority, Entry, NODE_VERSION, Runtime, RuntimeOptions};

// The engine allocates many small objects (AST nodes while parsing, strings, GC cells, timers);
// mimalloc serves them faster than glibc's malloc. Version 2 without transparent huge pages: with
// them, an empty script's peak RSS grows from 21 to 36 MB.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const HELP: &str = "\
Usage: actorjs [options] [script.js | -e \"script\" | -] [arguments]

Runs a Node.js program on actorjs. With no script, reads one from standard input, or starts a
REPL when standard input is a terminal.

Options:
  -e, --eval script      evaluate script
  -p, --print script     evaluate script and print the result
  -r, --require module   require a module before the entry point
  -v, --version          print actorjs's version
  -h, --help             print this help
  --expose-gc            define gc(), a full collection
  --max-http-header-size=n  the most bytes of an HTTP head node:http accepts (default 16384)
  --insecure-http-parser    accept HTTP messages that break the spec (as node, with a warning)
  --test-only, --test-name-pattern=re, --test-skip-pattern=re, --test-reporter=name,
  --test-reporter-destination=file, --test-force-exit
                         node:test's options for the tests of this one file
  --                     end of options; what follows is the script and its arguments

Authority (full unless one of these is given; then exactly what they grant):
  --allow-read[=paths]   read files beneath these paths (every path without a value)
  --allow-write[=paths]  write, create and remove beneath these paths
  --allow-net[=targets]  connect and listen: host, host:port, :port, [v6]:port, unix:/path
  --allow-env[=names]    see and set these environment variables (NAME, PREFIX_*)
  --allow-run            run programs
  --deny-read[=paths], --deny-write[=paths], --deny-net[=targets], --deny-env[=names],
  --deny-run             deny these even where granted (alone: everything but these)
  -A, --allow-all        full authority, explicitly
  --permission, --allow-fs-read=p, --allow-fs-write=p, --allow-child-process
                         node's spelling of the same (--permission alone grants nothing
                         but the environment, which node does not restrict)

Environment:
  ACTORJS_POOL_SIZE      threads of the worker pool for blocking work (default 4)
";

/// One permission flag: allow or deny, what kind, and its list (`None`: all of the kind).
#[derive(Debug, Clone, PartialEq, Eq)]
struct PermFlag {
    allow: bool,
    kind: &'static str,
    value: Option<String>,
}

/// The permission flags, in order.
#[derive(Debug, Default)]
struct Perms {
    /// Any flag that switches to least authority was given.
    restrict: bool,
    /// `-A`/`--allow-all`.
    all: bool,
    /// Node's `--permission`: node has no environment permission, so the environment stays.
    node_model: bool,
    flags: Vec<PermFlag>,
}

impl Perms {
    /// Takes `flag` if it is a permission flag.
    fn take(&mut self, flag: &str) -> bool {
        let (name, value) = match flag.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (flag, None),
        };
        let (allow, kind) = match name {
            "-A" | "--allow-all" => {
                self.all = true;
                return true;
            }
            "--permission" | "--experimental-permission" => {
                self.restrict = true;
                self.node_model = true;
                return true;
            }
            "--allow-read" | "--allow-fs-read" => (true, "read"),
            "--allow-write" | "--allow-fs-write" => (true, "write"),
            "--allow-net" => (true, "net"),
            "--allow-env" => (true, "env"),
            "--allow-run" | "--allow-child-process" => (true, "run"),
            // Node's permissions for what actorjs does not have: nothing to grant.
            "--allow-worker" | "--allow-addons" | "--allow-wasi" => {
                self.restrict = true;
                return true;
            }
            "--deny-read" => (false, "read"),
            "--deny-write" => (false, "write"),
            "--deny-net" => (false, "net"),
            "--deny-env" => (false, "env"),
            "--deny-run" => (false, "run"),
            _ => return false,
        };
        // Node's `*` is every path.
        let value = value.filter(|v| v != "*" && !v.is_empty());
        self.restrict |= allow;
        self.flags.push(PermFlag { allow, kind, value });
        true
    }

    /// The authority these flags describe.
    fn authority(&self) -> Result<std::sync::Arc<Authority>, String> {
        let denies = self.flags.iter().any(|f| !f.allow);
        if !denies && (self.all || !self.restrict) {
            return Ok(Authority::full());
        }
        let a = Authority::none();
        // `-A`, or only deny flags: everything but what is denied.
        if self.all || !self.restrict {
            a.grant_path(None, Rights::READ | Rights::WRITE);
            a.grant_net(None)?;
            a.grant_env(None);
            a.grant_run();
        }
        if self.node_model {
            a.grant_env(None);
        }
        for f in &self.flags {
            let items: Vec<Option<&str>> = match &f.value {
                None => vec![None],
                Some(v) => v.split(',').filter(|s| !s.is_empty()).map(Some).collect(),
            };
            for item in items {
                match (f.allow, f.kind) {
                    (true, "read") => drop(a.grant_path(item.map(Path::new), Rights::READ)),
                    (true, "write") => drop(a.grant_path(item.map(Path::new), Rights::WRITE)),
                    (true, "net") => drop(a.grant_net(item)?),
                    (true, "env") => drop(a.grant_env(item)),
                    (true, _) => drop(a.grant_run()),
                    (false, "read") => a.deny_path(item.map(Path::new), Rights::READ),
                    (false, "write") => a.deny_path(item.map(Path::new), Rights::WRITE),
                    (false, "net") => a.deny_net(item)?,
                    (false, "env") => a.deny_env(item),
                    (false, _) => a.deny_run(),
                }
            }
        }
        Ok(a)
    }
}

struct Cli {
    perms: Perms,
    exec_argv: Vec<String>,
    preload: Vec<String>,
    eval: Option<String>,
    print: bool,
    script: Option<String>,
    args: Vec<String>,
}

fn parse(args: Vec<String>) -> Result<Cli, (String, i32)> {
    let mut cli = Cli {
        perms: Perms::default(),
        exec_argv: Vec::new(),
        preload: Vec::new(),
        eval: None,
        print: false,
        script: None,
        args: Vec::new(),
    };
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        let value_of =
            |flag: &str, it: &mut std::vec::IntoIter<String>| -> Result<String, (String, i32)> {
                it.next()
                    .ok_or_else(|| (format!("actorjs: {flag} requires an argument"), 9))
            };
        match a.as_str() {
            "-v" | "--version" => {
                println!(
                    "actorjs v{} (Node.js {NODE_VERSION} API)",
                    env!("CARGO_PKG_VERSION")
                );
                std::process::exit(0);
            }
            "-h" | "--help" => {
                print!("{HELP}");
                std::process::exit(0);
            }
            "-e" | "--eval" | "-p" | "--print" => {
                cli.print |= a == "-p" || a == "--print";
                let v = value_of(&a, &mut it)?;
                cli.exec_argv.extend([a.clone(), v.clone()]);
                cli.eval = Some(v);
            }
            "-pe" => {
                cli.print = true;
                let v = value_of(&a, &mut it)?;
                cli.exec_argv.extend([a.clone(), v.clone()]);
                cli.eval = Some(v);
            }
            "-r" | "--require" => {
                let v = value_of(&a, &mut it)?;
                cli.exec_argv.extend([a.clone(), v.clone()]);
                cli.preload.push(v);
            }
            "--" => {
                cli.script = it.next();
                cli.args.extend(it);
                break;
            }
            "-" => {
                cli.script = Some(a);
                cli.args.extend(it);
                break;
            }
            // node:test's options, read back from process.execArgv by the test runner.
            "--test-name-pattern"
            | "--test-skip-pattern"
            | "--test-reporter"
            | "--test-reporter-destination" => {
                let v = value_of(&a, &mut it)?;
                cli.exec_argv.extend([a.clone(), v]);
            }
            "--test-only" | "--test-force-exit" => cli.exec_argv.push(a),
            flag if [
                "--test-name-pattern=",
                "--test-skip-pattern=",
                "--test-reporter=",
                "--test-reporter-destination=",
            ]
            .iter()
            .any(|p| flag.starts_with(p)) =>
            {
                cli.exec_argv.push(a)
            }
            // Flags kept in process.execArgv for the code that looks at them (--expose-gc defines
            // gc()); the others change nothing here.
            "--no-warnings"
            | "--expose-gc"
            | "--expose-internals"
            | "--no-deprecation"
            | "--trace-warnings"
            | "--pending-deprecation"
            | "--throw-deprecation"
            | "--trace-deprecation"
            | "--enable-source-maps"
            | "--preserve-symlinks"
            | "--abort-on-uncaught-exception"
            | "--insecure-http-parser" => cli.exec_argv.push(a),
            flag if cli.perms.take(flag) => cli.exec_argv.push(a),
            flag if flag.starts_with("--stack-size=")
                || flag.starts_with("--max-old-space-size=")
                || flag.starts_with("--max-http-header-size=") =>
            {
                cli.exec_argv.push(a)
            }
            flag if flag.starts_with('-') && flag.len() > 1 => {
                return Err((format!("actorjs: bad option: {flag}"), 9));
            }
            // With -e or -p, the rest are the evaluated script's arguments, as in node.
            _ if cli.eval.is_some() => {
                cli.args.push(a);
                cli.args.extend(it);
                break;
            }
            _ => {
                cli.script = Some(a);
                cli.args.extend(it);
                break;
            }
        }
    }
    Ok(cli)
}

/// The IPC channel a parent node (or actorjs) process gave this one: the descriptor named by
/// `NODE_CHANNEL_FD`, when it is an open socket. `child_process.fork` and `'ipc'` stdio set it.
fn ipc_channel() -> Option<i32> {
    let fd: i32 = std::env::var("NODE_CHANNEL_FD").ok()?.parse().ok()?;
    let st = actors::pool::ops::fstat(fd).ok()?;
    (fd > 2 && st.kind() == actors::pool::FileKind::Socket).then_some(fd)
}

fn main() {
    // As node: writing past the file size limit is an EFBIG error for the program to handle, not
    // a signal that ends it (Rust's runtime already ignores SIGPIPE the same way).
    // SAFETY: setting a signal's disposition to ignore, before any other thread exists.
    unsafe { libc::signal(libc::SIGXFSZ, libc::SIG_IGN) };
    let cli = match parse(std::env::args().skip(1).collect()) {
        Ok(c) => c,
        Err((msg, code)) => {
            eprintln!("{msg}");
            std::process::exit(code);
        }
    };
    let exec_path = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| "actorjs".into());
    let (entry, script_arg) = match (&cli.eval, &cli.script) {
        (Some(src), _) => (Entry::Eval(src.clone()), None),
        (None, Some(s)) if s != "-" => {
            let abs = std::env::current_dir()
                .map(|d| d.join(s))
                .unwrap_or_else(|_| PathBuf::from(s));
            (
                Entry::File(abs.clone()),
                Some(abs.to_string_lossy().into_owned()),
            )
        }
        _ if std::io::stdin().is_terminal() && cli.script.is_none() => (Entry::Repl, None),
        _ => {
            let mut src = String::new();
            if let Err(e) = std::io::stdin().read_to_string(&mut src) {
                eprintln!("actorjs: cannot read the script from standard input: {e}");
                std::process::exit(1);
            }
            (Entry::Stdin(src), Some("-".to_string()))
        }
    };
    let mut argv = vec![exec_path.clone()];
    if let Some(s) = script_arg {
        argv.push(s);
    }
    argv.extend(cli.args);
    let authority = match cli.perms.authority() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("actorjs: {e}");
            std::process::exit(9);
        }
    };
    let options = RuntimeOptions {
        argv,
        exec_argv: cli.exec_argv,
        exec_path,
        preload: cli.preload,
        print: cli.print,
        authority,
        exit_ends_process: true,
        ipc_channel: ipc_channel(),
    };
    // The engine's parser and compiler recurse on deeply nested code; give them room.
    let runner = std::thread::Builder::new()
        .name("actorjs-main".into())
        .stack_size(256 << 20)
        .spawn(move || match Runtime::new(options) {
            Ok(mut rt) => rt.run(entry),
            Err(e) => {
                eprintln!("actorjs: {e}");
                70
            }
        })
        .expect("spawning the main thread");
    // Signals sent to the process go to the thread running JS, whose loop catches the ones a
    // program listens to (this thread only waits).
    actors::reactor::sys::block_async_signals();
    let code = runner.join().unwrap_or(70);
    std::process::exit(code);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn node_test_options_reach_exec_argv_in_both_forms() {
        let cli = parse(args(&[
            "--test-only",
            "--test-name-pattern",
            "beta",
            "--test-reporter=tap",
            "t.js",
            "x",
        ]))
        .unwrap_or_else(|(m, _)| panic!("{m}"));
        assert_eq!(
            cli.exec_argv,
            args(&[
                "--test-only",
                "--test-name-pattern",
                "beta",
                "--test-reporter=tap"
            ])
        );
        assert_eq!(cli.script.as_deref(), Some("t.js"));
        assert_eq!(cli.args, args(&["x"]));
    }

    #[test]
    fn arguments_after_eval_are_the_scripts_arguments() {
        let cli = parse(args(&["-e", "1", "a", "b"])).unwrap_or_else(|(m, _)| panic!("{m}"));
        assert_eq!(cli.eval.as_deref(), Some("1"));
        assert_eq!(cli.script, None);
        assert_eq!(cli.args, args(&["a", "b"]));
    }

    #[test]
    fn no_permission_flag_is_full_authority_and_any_allow_is_least() {
        let full = parse(args(&["t.js"])).unwrap_or_else(|(m, _)| panic!("{m}"));
        assert!(full.perms.authority().unwrap().is_full());
        let least = parse(args(&["--allow-read=/a,/b", "--allow-env", "t.js"]))
            .unwrap_or_else(|(m, _)| panic!("{m}"));
        let a = least.perms.authority().unwrap();
        assert!(!a.is_full());
        assert!(a.allows_env("HOME"));
        assert!(!a.allows_run());
        assert_eq!(
            least.exec_argv,
            args(&["--allow-read=/a,/b", "--allow-env"])
        );
        let explicit = parse(args(&["-A", "t.js"])).unwrap_or_else(|(m, _)| panic!("{m}"));
        assert!(explicit.perms.authority().unwrap().is_full());
        // Deny flags alone narrow full authority by what they deny.
        let deny =
            parse(args(&["--deny-env=SECRET", "t.js"])).unwrap_or_else(|(m, _)| panic!("{m}"));
        let a = deny.perms.authority().unwrap();
        assert!(!a.is_full() && a.allows_env("HOME") && !a.allows_env("SECRET"));
        assert!(a.allows_run());
        // Node's --permission restricts files, not the environment.
        let node = parse(args(&["--permission", "--allow-fs-read=/", "t.js"]))
            .unwrap_or_else(|(m, _)| panic!("{m}"));
        let a = node.perms.authority().unwrap();
        assert!(a.allows_env("HOME") && !a.allows_run());
    }

    #[test]
    fn unknown_options_are_refused_with_nodes_exit_code() {
        let Err((message, code)) = parse(args(&["--test", "t.js"])) else {
            panic!("--test (running other files) is not supported");
        };
        assert_eq!(code, 9);
        assert!(message.contains("bad option: --test"));
    }
}
