//! `actorjs`: runs Node.js programs.
//!
//! ```text
//! actorjs [options] [script.js | -e code | -p code | -] [arguments...]
//! ```

use std::io::{IsTerminal, Read};
use std::path::PathBuf;

use boa_host::{Entry, NODE_VERSION, Runtime, RuntimeOptions};

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
  --test-only, --test-name-pattern=re, --test-skip-pattern=re, --test-reporter=name,
  --test-reporter-destination=file, --test-force-exit
                         node:test's options for the tests of this one file
  --                     end of options; what follows is the script and its arguments

Environment:
  ACTORJS_POOL_SIZE      threads of the worker pool for blocking work (default 4)
";

struct Cli {
    exec_argv: Vec<String>,
    preload: Vec<String>,
    eval: Option<String>,
    print: bool,
    script: Option<String>,
    args: Vec<String>,
}

fn parse(args: Vec<String>) -> Result<Cli, (String, i32)> {
    let mut cli = Cli {
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
            | "--abort-on-uncaught-exception" => cli.exec_argv.push(a),
            flag if flag.starts_with("--stack-size=")
                || flag.starts_with("--max-old-space-size=") =>
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

fn main() {
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
    let options = RuntimeOptions {
        argv,
        exec_argv: cli.exec_argv,
        exec_path,
        preload: cli.preload,
        print: cli.print,
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
    fn unknown_options_are_refused_with_nodes_exit_code() {
        let Err((message, code)) = parse(args(&["--test", "t.js"])) else {
            panic!("--test (running other files) is not supported");
        };
        assert_eq!(code, 9);
        assert!(message.contains("bad option: --test"));
    }
}
