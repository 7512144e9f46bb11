//! Acceptance test: every model of the conformance corpus loads and lowers with its cfg
//! without a single error (warnings, e.g. for cfg values TLC ignores, are printed only).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use tla2_frontend::cfg::parse::parse_cfg;
use tla2_frontend::ir::{BoundVars, Callee, DefKind, Expr, LocalId, Program};
use tla2_frontend::loader::{load, LoadOptions};
use tla2_frontend::lower::lower;
use tla2_frontend::span::SourceFile;

/// (module, config) paths of `expected.json`, read without a JSON dependency: each model
/// object lists `"module": "…"` before `"config": "…"`.
fn models(expected: &str) -> Vec<(String, String)> {
    let values = |key: &str| -> Vec<String> {
        let pat = format!("\"{key}\": \"");
        expected
            .match_indices(&pat)
            .filter_map(|(i, _)| {
                let rest = &expected[i + pat.len()..];
                rest.find('"').map(|end| rest[..end].to_string())
            })
            .collect()
    };
    values("module").into_iter().zip(values("config")).collect()
}

/// Loads, parses the cfg and lowers one model; returns its errors rendered.
fn check(root: &Path, module: &str, config: &str) -> Vec<String> {
    let mut spec = load(&root.join(module), &LoadOptions::default());
    let cfg_path = root.join(config);
    let text = match std::fs::read_to_string(&cfg_path) {
        Ok(t) => t,
        Err(e) => return vec![format!("cannot read {}: {e}", cfg_path.display())],
    };
    let stem = cfg_path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let file = spec.sources.add(SourceFile::new(cfg_path.display().to_string(), stem, text.clone()));
    let (cfg, cfg_diags) = parse_cfg(file, &text);
    let (program, diags) = lower(&spec, Some(&cfg));
    let all = spec.diagnostics.iter().chain(&cfg_diags).chain(&diags);
    let mut out: Vec<String> = all.filter(|d| d.is_error()).map(|d| d.render(&spec.sources)).collect();
    out.extend(binder_violations(&program));
    out
}

/// Checks the IR invariant that every `LocalId` is bound by exactly one binder, and that every
/// expression has a span.
fn binder_violations(p: &Program) -> Vec<String> {
    let mut bound: HashMap<LocalId, usize> = HashMap::new();
    let mut bind = |l: LocalId| *bound.entry(l).or_default() += 1;
    let bind_vars = |v: &BoundVars, bind: &mut dyn FnMut(LocalId)| match v {
        BoundVars::Single(l) => bind(*l),
        BoundVars::Tuple(ls) => ls.iter().for_each(|l| bind(*l)),
    };
    for (_, d) in p.defs.iter() {
        d.params.iter().for_each(|q| bind(q.local));
        if let DefKind::RecursiveFunction { bounds } = &d.kind {
            bounds.iter().for_each(|b| bind_vars(&b.vars, &mut bind));
        }
    }
    for (_, e) in p.exprs.iter() {
        match e {
            Expr::Lambda { params, .. } => params.iter().for_each(|q| bind(q.local)),
            Expr::Forall { bounds, .. } | Expr::Exists { bounds, .. } | Expr::FunCons { bounds, .. } => {
                bounds.iter().for_each(|b| bind_vars(&b.vars, &mut bind))
            }
            Expr::SetMap { bounds, .. } => bounds.iter().for_each(|b| bind_vars(&b.vars, &mut bind)),
            Expr::Choose { binding, .. } | Expr::SetFilter { binding, .. } => bind_vars(&binding.vars, &mut bind),
            Expr::TemporalForall { vars, .. } | Expr::TemporalExists { vars, .. } => vars.iter().for_each(|l| bind(*l)),
            _ => {}
        }
    }
    let mut out: Vec<String> =
        bound.iter().filter(|(_, &n)| n > 1).map(|(l, n)| format!("local {l:?} bound {n} times\n")).collect();
    for (_, e) in p.exprs.iter() {
        let used = match e {
            Expr::Local(l) | Expr::OpValue(Callee::Local(l)) | Expr::Call { callee: Callee::Local(l), .. } => Some(*l),
            _ => None,
        };
        if let Some(l) = used.filter(|l| !bound.contains_key(l)) {
            out.push(format!("local {l:?} is used but never bound\n"));
        }
    }
    if p.spans.iter().count() != p.exprs.len() {
        out.push(format!("{} expressions but {} spans\n", p.exprs.len(), p.spans.iter().count()));
    }
    out.sort();
    out
}

#[test]
fn every_corpus_model_loads_and_lowers_without_errors() {
    let root: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    let Ok(expected) = std::fs::read_to_string(root.join("expected.json")) else {
        eprintln!("note: the conformance corpus is absent ({}); nothing to check", root.display());
        return;
    };
    let models = models(&expected);
    let mut failures = Vec::new();
    for (module, config) in &models {
        let diags = check(&root, module, config);
        if !diags.is_empty() {
            failures.push(format!("{config}: {} diagnostic(s)\n{}", diags.len(), diags.join("")));
        }
    }
    let passed = models.len() - failures.len();
    eprintln!("corpus: {passed}/{} models lower without errors", models.len());
    for f in &failures {
        eprintln!("{f}");
    }
    assert_eq!(models.len(), 97, "expected.json lists 97 models");
    assert!(failures.is_empty(), "{} model(s) have errors", failures.len());
}

/// Every `.tla` file under `dir`, sorted.
fn tla_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for p in rd.filter_map(|e| e.ok().map(|e| e.path())) {
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "tla") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_corpus_module_that_loads_also_lowers_without_a_cfg() {
    let root: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/specifications");
    let files = tla_files(&root);
    if files.is_empty() {
        eprintln!("note: the conformance corpus is absent ({}); nothing to check", root.display());
        return;
    }
    let mut failures = Vec::new();
    for f in &files {
        let spec = load(f, &LoadOptions::default());
        if spec.diagnostics.iter().any(|d| d.is_error()) {
            continue;
        }
        let (_, diags) = lower(&spec, None);
        let errors: Vec<String> = diags.iter().filter(|d| d.is_error()).map(|d| d.render(&spec.sources)).collect();
        if !errors.is_empty() {
            failures.push(format!("{}:\n{}", f.display(), errors.join("")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_library_module_lowers_without_errors() {
    for m in tla2_frontend::library::library_module_names() {
        let text = format!("---- MODULE Root ----\nEXTENDS {m}\n====\n");
        let spec = tla2_frontend::loader::load_text("Root", &text, &LoadOptions::default());
        let (_, diags) = lower(&spec, None);
        let errors: Vec<String> =
            spec.diagnostics.iter().chain(&diags).filter(|d| d.is_error()).map(|d| d.render(&spec.sources)).collect();
        assert!(errors.is_empty(), "library module {m}:\n{}", errors.join(""));
    }
}
