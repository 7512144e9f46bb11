//! The module loader: search order, shadowing, nested modules, and its diagnostics.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use tla2_frontend::loader::{load, load_text, LoadOptions, LoadedSpec, Origin};

/// A fresh directory under the system temp dir holding the given `(file name, text)` pairs.
fn dir_with(files: &[(&str, &str)]) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("tla2-loader-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir is writable");
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("temp file is writable");
    }
    dir
}

fn module(name: &str, body: &str) -> String {
    format!("---- MODULE {name} ----\n{body}\n====\n")
}

fn codes(spec: &LoadedSpec) -> Vec<&'static str> {
    spec.diagnostics.iter().map(|d| d.code).collect()
}

fn names(spec: &LoadedSpec) -> Vec<String> {
    spec.modules.iter().map(|m| m.ast.name.name.clone()).collect()
}

fn load_root(dir: &Path, opts: &LoadOptions) -> LoadedSpec {
    load(&dir.join("Spec.tla"), opts)
}

#[test]
fn library_modules_are_loaded_once_with_the_root_first() {
    let dir = dir_with(&[("Spec.tla", &module("Spec", "EXTENDS Naturals, Integers, Sequences\nX == 1"))]);
    let spec = load_root(&dir, &LoadOptions::default());
    assert_eq!(codes(&spec), Vec::<&str>::new());
    assert_eq!(names(&spec), ["Spec", "Naturals", "Integers", "Sequences"]);
    let seq = spec.module("Sequences").expect("Sequences is loaded");
    assert_eq!(seq.origin, Origin::Library);
    assert_eq!(spec.sources.get(seq.file).path, "<library>/Sequences.tla");
}

#[test]
fn a_file_in_the_spec_directory_shadows_the_library_module() {
    let dir = dir_with(&[
        ("Spec.tla", &module("Spec", "EXTENDS Naturals")),
        ("Naturals.tla", &module("Naturals", "Local == 1")),
    ]);
    let spec = load_root(&dir, &LoadOptions::default());
    assert_eq!(codes(&spec), Vec::<&str>::new());
    assert_eq!(spec.module("Naturals").map(|m| m.origin.clone()), Some(Origin::SpecDir));
}

#[test]
fn the_spec_directory_is_searched_before_include_dirs_and_those_before_the_library() {
    let inc = dir_with(&[
        ("A.tla", &module("A", "FromInc == 1")),
        ("B.tla", &module("B", "B1 == 1")),
        ("TLC.tla", &module("TLC", "T == 1")),
    ]);
    let dir =
        dir_with(&[("Spec.tla", &module("Spec", "EXTENDS A, B, TLC")), ("A.tla", &module("A", "FromSpecDir == 1"))]);
    let opts = LoadOptions { include_dirs: vec![inc.clone()], use_tla_path: false };
    let spec = load_root(&dir, &opts);
    assert_eq!(codes(&spec), Vec::<&str>::new());
    let a = spec.module("A").expect("A is loaded");
    assert_eq!(a.origin, Origin::SpecDir);
    assert!(spec.sources.get(a.file).path.starts_with(&dir.display().to_string()));
    assert_eq!(spec.module("B").map(|m| m.origin.clone()), Some(Origin::SearchPath));
    assert_eq!(spec.module("TLC").map(|m| m.origin.clone()), Some(Origin::SearchPath));
}

#[test]
fn tla_path_is_searched_only_when_asked() {
    let lib = dir_with(&[("OnTlaPath.tla", &module("OnTlaPath", "P == 1"))]);
    let dir = dir_with(&[("Spec.tla", &module("Spec", "EXTENDS OnTlaPath"))]);
    // Only this test reads TLA_PATH, so setting it does not disturb the others.
    std::env::set_var("TLA_PATH", &lib);
    let without = load_root(&dir, &LoadOptions::default());
    let with = load_root(&dir, &LoadOptions { include_dirs: vec![], use_tla_path: true });
    assert_eq!(codes(&without), ["TLA_SEMANTIC_MODULE_NOT_FOUND"]);
    assert_eq!(codes(&with), Vec::<&str>::new());
    assert_eq!(with.module("OnTlaPath").map(|m| m.origin.clone()), Some(Origin::SearchPath));
}

#[test]
fn a_missing_module_is_reported_at_its_name_with_the_closest_library_names() {
    let dir = dir_with(&[("Spec.tla", &module("Spec", "EXTENDS Naturals, Sequence"))]);
    let spec = load_root(&dir, &LoadOptions::default());
    assert_eq!(codes(&spec), ["TLA_SEMANTIC_MODULE_NOT_FOUND"]);
    let d = &spec.diagnostics[0];
    assert_eq!(spec.sources.text(d.span), "Sequence");
    let options = d.suggestion.as_ref().map(|s| s.options.clone()).unwrap_or_default();
    assert_eq!(options.first().map(String::as_str), Some("Sequences"));
}

#[test]
fn a_module_whose_name_differs_from_its_file_is_rejected() {
    let dir = dir_with(&[("Spec.tla", &module("Spec", "EXTENDS Other")), ("Other.tla", &module("Wrong", "W == 1"))]);
    let spec = load_root(&dir, &LoadOptions::default());
    assert_eq!(codes(&spec), ["TLA_SEMANTIC_MODULE_NAME_MISMATCH"]);
    assert_eq!(spec.sources.text(spec.diagnostics[0].span), "Wrong");
}

#[test]
fn circular_extends_is_reported_once_and_loading_terminates() {
    let dir = dir_with(&[
        ("Spec.tla", &module("Spec", "EXTENDS A")),
        ("A.tla", &module("A", "EXTENDS B")),
        ("B.tla", &module("B", "EXTENDS A")),
    ]);
    let spec = load_root(&dir, &LoadOptions::default());
    assert_eq!(codes(&spec), ["TLA_SEMANTIC_CIRCULAR_DEPENDENCY"]);
    assert!(spec.diagnostics[0].message.contains("A -> B -> A"), "{}", spec.diagnostics[0].message);
    assert_eq!(names(&spec), ["Spec", "A", "B"]);
}

#[test]
fn a_nested_module_is_found_before_a_file_of_the_same_name() {
    let text =
        "---- MODULE Spec ----\n---- MODULE Inner ----\nEXTENDS Naturals\nI == 1\n====\nJ == INSTANCE Inner\n====\n";
    let dir = dir_with(&[("Spec.tla", text), ("Inner.tla", &module("Inner", "FromFile == 1"))]);
    let spec = load_root(&dir, &LoadOptions::default());
    assert_eq!(codes(&spec), Vec::<&str>::new());
    let inner = spec.module("Inner").expect("Inner is registered");
    assert_eq!(inner.origin, Origin::Nested { parent: "Spec".into() });
    assert!(spec.module("Naturals").is_some(), "the nested module's EXTENDS is loaded");
}

#[test]
fn instances_inside_let_and_named_instances_are_loaded() {
    let body = "Op == LET B == INSTANCE Bags IN B!EmptyBag\nF == INSTANCE FiniteSets";
    let spec = load_text("Spec", &module("Spec", body), &LoadOptions::default());
    assert_eq!(codes(&spec), Vec::<&str>::new());
    assert!(spec.module("Bags").is_some());
    assert!(spec.module("FiniteSets").is_some());
}

#[test]
fn a_missing_root_file_is_a_spanless_file_not_found() {
    let dir = dir_with(&[]);
    let spec = load(&dir.join("Nope.tla"), &LoadOptions::default());
    assert_eq!(codes(&spec), ["TLA_SEMANTIC_FILE_NOT_FOUND"]);
    assert!(spec.diagnostics[0].span.is_none());
    assert!(spec.diagnostics[0].message.contains("Nope.tla"));
    assert!(spec.root().is_none());
}

#[test]
fn every_library_module_loads_with_its_dependencies_without_diagnostics() {
    for name in tla2_frontend::library::library_module_names() {
        let spec = load_text("Spec", &module("Spec", &format!("EXTENDS {name}")), &LoadOptions::default());
        let rendered: Vec<String> = spec.diagnostics.iter().map(|d| d.render(&spec.sources)).collect();
        assert!(rendered.is_empty(), "{name}:\n{}", rendered.join("\n"));
    }
}

#[test]
fn modules_appended_after_the_first_one_in_a_file_are_found_before_files() {
    // TLC's trace explorer writes Spec_TTrace.tla with helper modules after the main one.
    let text = "---- MODULE Spec ----\n\\* Ünïcödé before the appended module must not shift its spans.\nEXTENDS Naturals\nE == LET X == INSTANCE Extra IN X!V\n====\n\\* ---- MODULE Commented ----\n---- MODULE Extra ----\nEXTENDS TLC\nV == 1\n====\n";
    let dir = dir_with(&[("Spec.tla", text)]);
    let spec = load_root(&dir, &LoadOptions::default());
    assert_eq!(codes(&spec), Vec::<&str>::new());
    assert_eq!(names(&spec), ["Spec", "Naturals", "Extra", "TLC", "Sequences", "FiniteSets"]);
    let extra = spec.module("Extra").expect("Extra is registered");
    assert_eq!(extra.origin, Origin::SpecDir);
    assert_eq!(spec.sources.text(extra.ast.name.span), "Extra");
}

#[test]
fn load_text_searches_include_dirs_and_keeps_the_root_first() {
    let inc = dir_with(&[("Helper.tla", &module("Helper", "H == 1"))]);
    let opts = LoadOptions { include_dirs: vec![inc], use_tla_path: false };
    let spec = load_text("Spec", &module("Spec", "EXTENDS Helper"), &opts);
    assert_eq!(codes(&spec), Vec::<&str>::new());
    assert_eq!(spec.root().map(|m| m.origin.clone()), Some(Origin::SpecDir));
    assert_eq!(spec.module("Helper").map(|m| m.origin.clone()), Some(Origin::SearchPath));
}

#[test]
fn a_parse_error_in_a_needed_module_is_reported_once_and_not_as_not_found() {
    let dir = dir_with(&[
        ("Spec.tla", &module("Spec", "EXTENDS Broken\nINSTANCE Broken")),
        ("Broken.tla", "---- MODULE Broken ----\nX == \n"),
    ]);
    let spec = load_root(&dir, &LoadOptions::default());
    assert!(!spec.diagnostics.is_empty());
    assert!(codes(&spec).iter().all(|c| c.starts_with("TLA_PARSE")), "{:?}", codes(&spec));
}
