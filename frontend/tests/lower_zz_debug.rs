//! Temporary debugging aid (to be deleted).
use std::path::Path;
use tla2_frontend::cfg::parse::parse_cfg;
use tla2_frontend::ir::Expr;
use tla2_frontend::loader::{load, LoadOptions};
use tla2_frontend::lower::{dump::dump, lower};
use tla2_frontend::span::SourceFile;

#[test]
fn debug_dump() {
    let root = Path::new("/work/shared/corpus");
    let expected = std::fs::read_to_string(root.join("expected.json")).unwrap();
    let only = std::env::var("ONLY").unwrap_or_default();
    for (i, _) in expected.match_indices("\"config\": \"") {
        let rest = &expected[i + 11..];
        let config = &rest[..rest.find('"').unwrap()];
        let module = config.replace(".cfg", ".tla");
        let mj = expected[..i].rfind("\"module\": \"").unwrap();
        let mrest = &expected[mj + 11..];
        let module = if mrest.find('"').is_some() { mrest[..mrest.find('"').unwrap()].to_string() } else { module };
        if !only.is_empty() && !config.contains(&only) {
            continue;
        }
        let mut spec = load(&root.join(&module), &LoadOptions::default());
        let text = std::fs::read_to_string(root.join(config)).unwrap();
        let file = spec.sources.add(SourceFile::new(config.to_string(), "cfg".into(), text.clone()));
        let (cfg, cd) = parse_cfg(file, &text);
        let (p, d) = lower(&spec, Some(&cfg));
        let unsup: Vec<String> = p
            .exprs
            .iter()
            .filter_map(|(id, e)| match e {
                Expr::Unsupported { message } => Some(format!("{message} @ {:?}", spec.sources.location(p.span(id)))),
                _ => None,
            })
            .collect();
        let m = &p.model;
        println!(
            "{config}: defs={} unsup={} init={} next={} fair={} inv={} prop={} warn={} {}",
            p.defs.len(),
            unsup.len(),
            m.init.is_some(),
            m.next.is_some(),
            m.fairness.len(),
            m.invariants.len(),
            m.properties.len(),
            d.len() + cd.len(),
            if p.local_count > 0 { "" } else { "" }
        );
        for u in unsup.iter().take(3) {
            println!("   UNSUP {u}");
        }
        for x in d.iter().chain(&cd) {
            println!("   {}", x.render(&spec.sources).lines().next().unwrap_or(""));
        }
        if !only.is_empty() {
            println!("{}", dump(&p));
        }
    }
}

#[test]
fn debug_all_files() {
    let mut stack = vec![std::path::PathBuf::from("/work/shared/corpus/specifications")];
    let (mut n, mut bad) = (0, 0);
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            if p.extension().map_or(true, |x| x != "tla") {
                continue;
            }
            n += 1;
            let spec = load(&p, &LoadOptions::default());
            if spec.diagnostics.iter().any(|d| d.is_error()) {
                continue;
            }
            let (_, d) = lower(&spec, None);
            let errs: Vec<_> = d.iter().filter(|d| d.is_error()).collect();
            if !errs.is_empty() {
                bad += 1;
                println!("{}:", p.display());
                for x in errs.iter().take(4) {
                    println!("   {}", x.render(&spec.sources).lines().take(4).collect::<Vec<_>>().join(" | "));
                }
            }
        }
    }
    println!("files={n} lower-errors={bad}");
}

#[test]
fn debug_library() {
    for m in tla2_frontend::library::library_module_names() {
        let text = format!("---- MODULE Root ----\nEXTENDS {m}\n====\n");
        let spec = tla2_frontend::loader::load_text("Root", &text, &LoadOptions::default());
        let (_, d) = lower(&spec, None);
        let errs: Vec<_> = spec.diagnostics.iter().chain(&d).filter(|d| d.is_error()).collect();
        println!("{m}: {} errors", errs.len());
        for x in errs.iter().take(3) {
            println!("   {}", x.render(&spec.sources).lines().take(4).collect::<Vec<_>>().join(" | "));
        }
    }
}
