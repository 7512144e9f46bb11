//! `tla2 parse`: loads a spec (and optionally its cfg), resolves it, and prints what it found:
//! modules and where they came from, constants, variables, definitions, the actions of Next and
//! every diagnostic.

use crate::frontend_run::{load_frontend, FrontendInput, FrontendRun};
use serde_json::json;
use tla2_frontend::loader::Origin;
use tla2_frontend::lower::summarize;
use tla2_frontend::{Diagnostic, SourceMap, Span};
use tla2_runtime::model::Model;

pub fn run(args: &[String]) -> i32 {
    let mut input = FrontendInput::default();
    let mut json_output = false;
    let mut dump_ast = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--config" | "-config" => match it.next() {
                Some(v) => input.config = Some(v.into()),
                None => return usage_error("--config needs a file"),
            },
            "-I" => match it.next() {
                Some(v) => input.include_dirs.push(v.into()),
                None => return usage_error("-I needs a directory"),
            },
            "--output" => match it.next().map(String::as_str) {
                Some("json") => json_output = true,
                Some("human") => json_output = false,
                _ => return usage_error("--output takes human or json"),
            },
            "--dump-ast" => dump_ast = true,
            other if other.starts_with('-') => return usage_error(&format!("unknown option `{other}`")),
            other => input.spec = other.into(),
        }
    }
    if input.spec.as_os_str().is_empty() {
        return usage_error("missing the spec file");
    }
    let run = load_frontend(&input, true);
    if dump_ast {
        if let Some(root) = run.loaded.root() {
            print!("{}", tla2_frontend::parser::dump_module(&root.ast));
        }
    }
    if json_output {
        println!("{}", serde_json::to_string_pretty(&to_json(&run)).unwrap_or_default());
    } else {
        print_human(&run);
    }
    run.exit_code()
}

fn usage_error(msg: &str) -> i32 {
    eprintln!("tla2 parse: {msg}");
    crate::EXIT_SYSTEM
}

/// The actions of Next as TLC names them (the interpreter's action splitting), or none when the
/// model has no Next or cannot be built.
fn next_actions(run: &FrontendRun) -> Vec<(String, Option<tla2_runtime::model::SourceLocation>)> {
    let Some(program) = &run.program else { return Vec::new() };
    if program.model.next.is_none() {
        return Vec::new();
    }
    match tla2_interp::InterpModel::new(program.clone(), run.loaded.sources.clone()) {
        Ok(model) => model.actions().iter().map(|a| (a.name.clone(), a.location.clone())).collect(),
        Err(_) => Vec::new(),
    }
}

fn origin_name(o: &Origin) -> String {
    match o {
        Origin::SpecDir => "spec directory".into(),
        Origin::SearchPath => "search path".into(),
        Origin::Library => "library".into(),
        Origin::Nested { parent } => format!("nested in {parent}"),
    }
}

fn loc_string(sources: &SourceMap, span: Span) -> String {
    let l = sources.location(span);
    format!("{}:{}:{}", l.file, l.line, l.column)
}

fn print_human(run: &FrontendRun) {
    let sources = &run.loaded.sources;
    println!("Modules:");
    for m in &run.loaded.modules {
        let path = &sources.get(m.file).path;
        println!("  {:<24} {} ({})", m.ast.name.name, path, origin_name(&m.origin));
    }
    let s = summarize(&run.loaded);
    let consts: Vec<String> = s.constants.iter().map(|c| arity_name(&c.name, c.arity)).collect();
    let vars: Vec<&str> = s.variables.iter().map(|v| v.name.as_str()).collect();
    println!("Constants: {}", if consts.is_empty() { "(none)".into() } else { consts.join(", ") });
    println!("Variables: {}", if vars.is_empty() { "(none)".into() } else { vars.join(", ") });
    println!("Definitions:");
    for d in &s.definitions {
        println!("  {:<24} {}", arity_name(&d.name, d.arity), loc_string(sources, d.span));
    }
    let actions = next_actions(run);
    if !actions.is_empty() {
        println!("Actions of Next:");
        for (n, loc) in actions {
            let at = loc.map(|l| format!("{}:{}:{}", l.file, l.line, l.column)).unwrap_or_default();
            println!("  {n:<24} {at}");
        }
    }
    print_diagnostics(sources, &run.diagnostics);
}

fn arity_name(n: &str, arity: usize) -> String {
    if arity == 0 {
        n.to_string()
    } else {
        format!("{n}({})", vec!["_"; arity].join(", "))
    }
}

pub fn print_diagnostics(sources: &SourceMap, diags: &[Diagnostic]) {
    for d in diags {
        eprint!("{}", d.render(sources));
    }
    let errors = diags.iter().filter(|d| d.is_error()).count();
    if errors == 0 {
        println!("No errors.");
    } else {
        println!("{errors} error(s).");
    }
}

fn to_json(run: &FrontendRun) -> serde_json::Value {
    let sources = &run.loaded.sources;
    let s = summarize(&run.loaded);
    let modules: Vec<_> = run
        .loaded
        .modules
        .iter()
        .map(|m| json!({"name": m.ast.name.name, "path": sources.get(m.file).path, "origin": origin_name(&m.origin)}))
        .collect();
    let defs: Vec<_> = s
        .definitions
        .iter()
        .map(|d| json!({"name": d.name, "arity": d.arity, "location": sources.location(d.span)}))
        .collect();
    let actions: Vec<_> = next_actions(run).into_iter().map(|(n, loc)| json!({"name": n, "location": loc})).collect();
    let diags: Vec<_> = run.diagnostics.iter().map(|d| crate::check_report::diagnostic_json(sources, d)).collect();
    json!({
        "tool": "tla2",
        "version": env!("CARGO_PKG_VERSION"),
        "status": if run.diagnostics.iter().any(|d| d.is_error()) { "error" } else { "ok" },
        "modules": modules,
        "constants": s.constants.iter().map(|c| json!({"name": c.name, "arity": c.arity})).collect::<Vec<_>>(),
        "variables": s.variables.iter().map(|v| v.name.clone()).collect::<Vec<_>>(),
        "definitions": defs,
        "actions": actions,
        "diagnostics": diags,
    })
}
