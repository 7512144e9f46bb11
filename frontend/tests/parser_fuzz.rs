//! Fuzzing the lexer and parser: no input may panic, hang or overflow the stack.
//!
//! Three generators: random bytes, soups of TLA+ tokens with random layout, and mutations
//! (deletions, insertions, swaps) of the `test_data/ok` modules. Each case runs on its own
//! thread with the default test stack so that a hang or a stack overflow is caught and blamed on
//! its input. `FUZZ_CASES=N` raises the number of cases per generator (default 64).

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use tla2_frontend::{parser, FileId};

const TOKENS: &[&str] = &[
    "---- MODULE M ----",
    "====",
    "----",
    "MODULE",
    "EXTENDS",
    "VARIABLE",
    "CONSTANT",
    "ASSUME",
    "THEOREM",
    "PROOF",
    "BY",
    "OBVIOUS",
    "QED",
    "<1>1.",
    "<2>",
    "LET",
    "IN",
    "IF",
    "THEN",
    "ELSE",
    "CASE",
    "OTHER",
    "CHOOSE",
    "LAMBDA",
    "INSTANCE",
    "WITH",
    "LOCAL",
    "RECURSIVE",
    "EXCEPT",
    "UNCHANGED",
    "ENABLED",
    "SUBSET",
    "UNION",
    "DOMAIN",
    "WF_",
    "SF_",
    "\\A",
    "\\E",
    "\\AA",
    "\\EE",
    "x",
    "y",
    "f",
    "Op",
    "I",
    "S",
    "1",
    "42",
    "1.5",
    "\\h1F",
    "\"s\"",
    "==",
    "=",
    "/\\",
    "\\/",
    "~",
    "=>",
    "<=>",
    "~>",
    "-+->",
    "[]",
    "<>",
    "<<",
    ">>",
    ">>_",
    "]_",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "::",
    ".",
    "!",
    "@",
    "'",
    "|->",
    "->",
    "<-",
    "+",
    "-",
    "*",
    "\\in",
    "\\cup",
    "\\X",
    "..",
    "^+",
    "(*",
    "*)",
    "\\*",
    "\"",
    "∧",
    "∀",
    "⟨",
    "_",
];

fn cases() -> u32 {
    std::env::var("FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64)
}

/// Parses `text` on a fresh thread and fails if it panics, overflows or takes over 5 seconds.
fn parse_safely(text: String) -> Result<(), TestCaseError> {
    let (tx, rx) = mpsc::channel();
    let input = text.clone();
    let handle = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let (module, diags) = parser::parse(FileId(0), &input);
            for d in &diags {
                assert!(
                    d.span.start <= d.span.end && d.span.end as usize <= input.len(),
                    "diagnostic span out of bounds"
                );
                assert!(input.is_char_boundary(d.span.start as usize) && input.is_char_boundary(d.span.end as usize));
            }
            if let Some(m) = module {
                let _ = parser::dump_module(&m);
            }
            let _ = tx.send(());
        })
        .map_err(|e| TestCaseError::fail(format!("cannot spawn: {e}")))?;
    match rx.recv_timeout(Duration::from_secs(5)) {
        Ok(()) => handle.join().map_err(|_| TestCaseError::fail(format!("panicked on {text:?}"))),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(TestCaseError::fail(format!("panicked on {text:?}"))),
        Err(mpsc::RecvTimeoutError::Timeout) => Err(TestCaseError::fail(format!("hung on {text:?}"))),
    }
}

fn run(name: &str, strategy: impl Strategy<Value = String>) {
    let config = Config { cases: cases(), failure_persistence: None, ..Config::default() };
    let started = Instant::now();
    let mut runner = TestRunner::new(config);
    let result = runner.run(&strategy, parse_safely);
    println!("{name}: {} cases in {:?}", cases(), started.elapsed());
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
}

fn ok_modules() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/ok");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(Result::ok).filter_map(|e| std::fs::read_to_string(e.path()).ok()).collect())
        .unwrap_or_default();
    texts.sort();
    if texts.is_empty() {
        texts.push("---- MODULE M ----\nA == /\\ x = 1\n     /\\ y = 2\n====\n".into());
    }
    texts
}

#[test]
fn random_bytes_never_panic_or_hang() {
    let strategy = (any::<bool>(), proptest::collection::vec(any::<u8>(), 0..400)).prop_map(|(header, bytes)| {
        let body = String::from_utf8_lossy(&bytes).into_owned();
        if header {
            format!("---- MODULE M ----\n{body}")
        } else {
            body
        }
    });
    run("random bytes", strategy);
}

#[test]
fn token_soups_never_panic_or_hang() {
    let token = (0..TOKENS.len(), 0..6usize, 0..8usize);
    let strategy = proptest::collection::vec(token, 0..120).prop_map(|toks| {
        let mut s = String::from("---- MODULE M ----\n");
        for (i, layout, indent) in toks {
            s.push_str(TOKENS[i]);
            match layout {
                0 => s.push('\n'),
                1 => {
                    s.push('\n');
                    s.push_str(&" ".repeat(indent));
                }
                _ => s.push(' '),
            }
        }
        s
    });
    run("token soups", strategy);
}

#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize, usize),
    Insert(usize, usize),
    Swap(usize, usize, usize),
}

fn mutate(text: &str, muts: &[Mutation]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for m in muts {
        let n = chars.len().max(1);
        match *m {
            Mutation::Delete(at, len) => {
                let a = at % n;
                let b = (a + len).min(chars.len());
                chars.drain(a.min(chars.len())..b);
            }
            Mutation::Insert(at, tok) => {
                let a = (at % n).min(chars.len());
                chars.splice(a..a, TOKENS[tok % TOKENS.len()].chars());
            }
            Mutation::Swap(a, b, len) => {
                let (a, b) = ((a % n).min(b % n), (a % n).max(b % n));
                if b + len <= chars.len() && a + len <= b {
                    for k in 0..len {
                        chars.swap(a + k, b + k);
                    }
                }
            }
        }
    }
    chars.into_iter().collect()
}

#[test]
fn mutated_modules_never_panic_or_hang() {
    let modules = ok_modules();
    let mutation = prop_oneof![
        (any::<usize>(), 1..20usize).prop_map(|(a, l)| Mutation::Delete(a, l)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, t)| Mutation::Insert(a, t)),
        (any::<usize>(), any::<usize>(), 1..10usize).prop_map(|(a, b, l)| Mutation::Swap(a, b, l)),
    ];
    let strategy = (0..modules.len(), proptest::collection::vec(mutation, 1..6))
        .prop_map(move |(i, muts)| mutate(&modules[i], &muts));
    run("mutations", strategy);
}

#[test]
fn deep_nesting_is_reported_not_overflowed() {
    for open in ["(", "[", "{", "<<", "~", "-", "IF x THEN ", "\\A x : ", "/\\ ", "LET a == 1 IN ", "f["] {
        let text = format!("---- MODULE M ----\nA == {}1\n====\n", open.repeat(5000));
        parse_safely(text).unwrap_or_else(|e| panic!("{open}: {e}"));
    }
    for chain in ["1 + ", "1 \\X ", "x' = ", "a /\\ "] {
        let text = format!("---- MODULE M ----\nA == {}1\n====\n", chain.repeat(20000));
        parse_safely(text).unwrap_or_else(|e| panic!("{chain}: {e}"));
    }
    let text = format!("---- MODULE M ----\nA == x{}\nB == f{}\n====\n", "'".repeat(20000), "[1]".repeat(20000));
    parse_safely(text).unwrap_or_else(|e| panic!("postfix: {e}"));
}
