//! Data-driven cfg parser tests: every `test_data/cfg/ok/*.cfg` parses without diagnostics
//! to the config dumped beside it, and every `test_data/cfg/err/*.cfg` gives the diagnostics
//! dumped beside it. `UPDATE_EXPECT=1` rewrites the `.expect` files from today's output.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use tla2_frontend::cfg::parse::parse_cfg;
use tla2_frontend::cfg::{CfgValue, CfgValueKind, Config, ConstantBinding, Ident};
use tla2_frontend::{Diagnostic, FileId, SourceFile, SourceMap, Span};

fn cases(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/cfg").join(kind);
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("test_data/cfg directory exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "cfg"))
        .collect();
    out.sort();
    out
}

struct Dump<'a> {
    map: &'a SourceMap,
    out: String,
}

impl Dump<'_> {
    fn at(&self, span: Span) -> String {
        let l = self.map.location(span);
        format!("{}:{}", l.line, l.column)
    }
    fn ident(&self, id: &Ident) -> String {
        format!("{} @{}", id.name, self.at(id.span))
    }
    fn value(&self, v: &CfgValue) -> String {
        match &v.kind {
            CfgValueKind::Int(n) => n.to_string(),
            CfgValueKind::Str(s) => format!("{s:?}"),
            CfgValueKind::Bool(b) => b.to_string().to_uppercase(),
            CfgValueKind::ModelValue(m) => format!("mv:{m}"),
            CfgValueKind::Set(xs) => format!("{{{}}}", xs.iter().map(|x| self.value(x)).collect::<Vec<_>>().join(", ")),
            CfgValueKind::Tuple(xs) => {
                format!("<<{}>>", xs.iter().map(|x| self.value(x)).collect::<Vec<_>>().join(", "))
            }
        }
    }
    fn single(&mut self, kw: &str, v: &Option<Ident>) {
        if let Some(id) = v {
            let line = self.ident(id);
            let _ = writeln!(self.out, "{kw} {line}");
        }
    }
    fn list(&mut self, kw: &str, v: &[Ident]) {
        for id in v {
            let line = self.ident(id);
            let _ = writeln!(self.out, "{kw} {line}");
        }
    }
    fn config(&mut self, c: &Config) {
        self.single("SPECIFICATION", &c.specification);
        self.single("INIT", &c.init);
        self.single("NEXT", &c.next);
        for b in &c.constants {
            let line = match b {
                ConstantBinding::Value { name, value, .. } => format!("{} = {}", self.ident(name), self.value(value)),
                ConstantBinding::Substitute { module, name, target, .. } => {
                    let m = module.as_ref().map(|m| format!("[{}] ", m.name)).unwrap_or_default();
                    format!("{} <- {m}{}", self.ident(name), self.ident(target))
                }
            };
            let _ = writeln!(self.out, "CONSTANT {line}");
        }
        self.list("INVARIANT", &c.invariants);
        self.list("PROPERTY", &c.properties);
        self.list("CONSTRAINT", &c.constraints);
        self.list("ACTION_CONSTRAINT", &c.action_constraints);
        self.single("SYMMETRY", &c.symmetry);
        self.single("VIEW", &c.view);
        self.single("ALIAS", &c.alias);
        self.single("POSTCONDITION", &c.postcondition);
        self.single("TYPE_CONSTRAINT", &c.type_constraint);
        if let Some(b) = c.check_deadlock {
            let _ = writeln!(self.out, "CHECK_DEADLOCK {}", b.to_string().to_uppercase());
        }
    }
    fn diagnostic(&mut self, d: &Diagnostic) {
        let at = self.at(d.span);
        let _ = writeln!(
            self.out,
            "{} @{}-{}: {}",
            d.code,
            at,
            self.at(Span { start: d.span.end.saturating_sub(1).max(d.span.start), ..d.span }),
            d.message
        );
        if let Some(e) = &d.expected {
            let _ = writeln!(self.out, "  expected: {e}");
        }
        if let Some(f) = &d.found {
            let _ = writeln!(self.out, "  found: {f}");
        }
        if let Some(s) = &d.suggestion {
            let _ = writeln!(self.out, "  help ({}): {}", s.action, s.message);
            if !s.options.is_empty() {
                let _ = writeln!(self.out, "  options: {}", s.options.join(", "));
            }
            if let Some(ex) = &s.example {
                let _ = writeln!(self.out, "  example: {}", ex.replace('\n', "\n           "));
            }
        }
        for (span, note) in &d.labels {
            let at = self.at(*span);
            let _ = writeln!(self.out, "  note @{at}: {note}");
        }
    }
}

/// Parses `path` and dumps the config (ok cases) or the diagnostics (err cases).
fn run(path: &Path, dump_config: bool) -> (String, usize) {
    let text = std::fs::read_to_string(path).expect("case is readable");
    let mut map = SourceMap::default();
    map.add(SourceFile::new(path.display().to_string(), "case".into(), text.clone()));
    let (cfg, diags) = parse_cfg(FileId(0), &text);
    let mut d = Dump { map: &map, out: String::new() };
    if dump_config {
        d.config(&cfg);
    }
    for diag in &diags {
        d.diagnostic(diag);
    }
    (d.out, diags.len())
}

fn check(kind: &str) {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    let paths = cases(kind);
    assert!(!paths.is_empty(), "no {kind} cases");
    for path in paths {
        let (actual, ndiags) = run(&path, kind == "ok");
        if kind == "ok" && ndiags > 0 {
            failures.push(format!("{}: expected no diagnostics\n{actual}", path.display()));
        }
        if kind == "err" && ndiags == 0 {
            failures.push(format!("{}: expected diagnostics, got none", path.display()));
        }
        let expect_path = path.with_extension("expect");
        let expected = std::fs::read_to_string(&expect_path).unwrap_or_default();
        if update {
            std::fs::write(&expect_path, &actual).expect("expect file is writable");
        } else if expected != actual {
            failures.push(format!("{}:\n--- expected\n{expected}--- actual\n{actual}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn valid_cfgs_parse_to_their_expected_configs() {
    check("ok");
}

#[test]
fn malformed_cfgs_give_their_expected_diagnostics() {
    check("err");
}
