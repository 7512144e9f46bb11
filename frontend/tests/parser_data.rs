//! Data-driven parser tests: `test_data/ok/*.tla` against `*.ast` dumps and `test_data/err/*.tla`
//! against `*.diag` lines (`CODE line:col-line:col message`). `UPDATE_EXPECT=1` rewrites them.

use std::path::{Path, PathBuf};
use tla2_frontend::span::{SourceFile, SourceMap};
use tla2_frontend::{parser, FileId};

fn inputs(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data").join(kind);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "tla")).collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Compares `actual` with the file beside `input` with extension `ext`, or rewrites it.
fn check(input: &Path, ext: &str, actual: &str, failures: &mut Vec<String>) {
    let expected_path = input.with_extension(ext);
    if std::env::var("UPDATE_EXPECT").is_ok_and(|v| v == "1") {
        std::fs::write(&expected_path, actual).expect("the expected file can be written");
        return;
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
    if expected != actual {
        failures.push(format!("{}:\n--- expected\n{expected}--- actual\n{actual}", input.display()));
    }
}

fn diagnostics_text(path: &Path, text: &str) -> (String, usize) {
    let (_, diags) = parser::parse(FileId(0), text);
    let mut sources = SourceMap::default();
    sources.add(SourceFile::new(path.display().to_string(), String::new(), text.to_string()));
    let mut out = String::new();
    for d in &diags {
        let l = sources.location(d.span);
        out.push_str(&format!("{} {}:{}-{}:{} {}\n", d.code, l.line, l.column, l.end_line, l.end_column, d.message));
    }
    (out, diags.len())
}

#[test]
fn ok_files_parse_without_diagnostics_into_the_expected_tree() {
    let files = inputs("ok");
    assert!(files.len() >= 25, "expected at least 25 ok files, found {}", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("test file is readable");
        let (module, _) = parser::parse(FileId(0), &text);
        let (diags, n) = diagnostics_text(path, &text);
        if n > 0 {
            failures.push(format!("{}: unexpected diagnostics\n{diags}", path.display()));
            continue;
        }
        let dump = module.map(|m| parser::dump_module(&m)).unwrap_or_default();
        check(path, "ast", &dump, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn err_files_report_the_expected_diagnostics() {
    let files = inputs("err");
    assert!(files.len() >= 35, "expected at least 35 err files, found {}", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("test file is readable");
        let (diags, n) = diagnostics_text(path, &text);
        if n == 0 {
            failures.push(format!("{}: no diagnostics", path.display()));
            continue;
        }
        check(path, "diag", &diags, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
