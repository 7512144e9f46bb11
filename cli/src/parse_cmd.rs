//! `tla2 parse`: loads a spec (and optionally its cfg), resolves it, and prints what it found:
//! modules and where they came from, constants, variables, definitions, the actions of Next and
//! every diagnostic.

use crate::frontend_run::{load_frontend, FrontendInput, FrontendRun};
use serde_json::json;
use tla2_frontend::ast::{Unit};
use tla2_frontend::ir::{Expr, ExprId, Program};
use tla2_frontend::loader::Origin;
use tla2_frontend::{Diagnostic, SourceMap, Span};

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

struct Summary {
    constants: Vec<(String, usize)>,
    variables: Vec<String>,
    definitions: Vec<(String, usize, Span)>,
}

fn summarize(run: &FrontendRun) -> Summary {
    let mut s = Summary { constants: Vec::new(), variables: Vec::new(), definitions: Vec::new() };
    let Some(root) = run.loaded.root() else { return s };
    for unit in &root.ast.units {
        match unit {
            Unit::Constants(cs) => s.constants.extend(cs.iter().map(|c| (c.name.name.clone(), c.arity))),
            Unit::Variables(vs) => s.variables.extend(vs.iter().map(|v| v.name.clone())),
            Unit::OpDef(d) => s.definitions.push((d.name.name.clone(), d.params.len(), d.name.span)),
            Unit::FunDef(d) => s.definitions.push((d.name.name.clone(), 0, d.name.span)),
            Unit::Instance(i) => {
                if let Some(n) = &i.name {
                    s.definitions.push((n.name.clone(), i.params.len(), n.span));
                }
            }
            _ => {}
        }
    }
    s
}

/// The disjuncts of Next, unfolded through nullary definitions and `\E`, named after the
/// definition they come from (the same names TLC gives actions).
pub fn next_actions(program: &Program) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    if let Some(next) = &program.model.next {
        collect_actions(program, next.expr, &next.name, &mut out, 0);
    }
    out
}

fn collect_actions(p: &Program, e: ExprId, name: &str, out: &mut Vec<(String, Span)>, depth: usize) {
    if depth > 64 {
        out.push((name.to_string(), p.span(e)));
        return;
    }
    match p.expr(e) {
        Expr::Or(ds) => ds.iter().for_each(|d| collect_actions(p, *d, name, out, depth + 1)),
        Expr::Exists { body, .. } => collect_actions(p, *body, name, out, depth + 1),
        Expr::Call { callee: tla2_frontend::ir::Callee::Def(d), .. } => {
            let def = p.def(*d);
            collect_actions(p, def.body, &def.name, out, depth + 1)
        }
        _ => out.push((name.to_string(), p.span(e))),
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
    let s = summarize(run);
    let consts: Vec<String> = s.constants.iter().map(|(n, a)| arity_name(n, *a)).collect();
    println!("Constants: {}", if consts.is_empty() { "(none)".into() } else { consts.join(", ") });
    println!("Variables: {}", if s.variables.is_empty() { "(none)".into() } else { s.variables.join(", ") });
    println!("Definitions:");
    for (n, a, span) in &s.definitions {
        println!("  {:<24} {}", arity_name(n, *a), loc_string(sources, *span));
    }
    if let Some(program) = &run.program {
        let actions = next_actions(program);
        if !actions.is_empty() {
            println!("Actions of Next:");
            for (n, span) in actions {
                println!("  {:<24} {}", n, loc_string(sources, span));
            }
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
    let s = summarize(run);
    let modules: Vec<_> = run
        .loaded
        .modules
        .iter()
        .map(|m| json!({"name": m.ast.name.name, "path": sources.get(m.file).path, "origin": origin_name(&m.origin)}))
        .collect();
    let defs: Vec<_> = s
        .definitions
        .iter()
        .map(|(n, a, span)| json!({"name": n, "arity": a, "location": sources.location(*span)}))
        .collect();
    let actions: Vec<_> = run
        .program
        .as_ref()
        .map(next_actions)
        .unwrap_or_default()
        .into_iter()
        .map(|(n, span)| json!({"name": n, "location": sources.location(span)}))
        .collect();
    let diags: Vec<_> = run.diagnostics.iter().map(|d| d.to_report(sources)).collect();
    json!({
        "tool": "tla2",
        "version": env!("CARGO_PKG_VERSION"),
        "status": if run.diagnostics.iter().any(|d| d.is_error()) { "error" } else { "ok" },
        "modules": modules,
        "constants": s.constants.iter().map(|(n, a)| json!({"name": n, "arity": a})).collect::<Vec<_>>(),
        "variables": s.variables,
        "definitions": defs,
        "actions": actions,
        "diagnostics": diags,
    })
}
