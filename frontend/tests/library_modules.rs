//! The embedded library: its builtin list, its README table, and that every module parses.

use tla2_frontend::library::{builtin_operators, library_module_names, library_source, BUILTIN_MARKER};

#[test]
fn builtins_use_canonical_symbols_and_defining_modules() {
    let ops = builtin_operators();
    for key in [
        ("Naturals", "+", 2),
        ("Naturals", "..", 2),
        ("Naturals", "<=", 2),
        ("Integers", "-.", 1),
        ("Sequences", "\\o", 2),
        ("Sequences", "SelectSeq", 2),
        ("TLC", ":>", 2),
        ("TLC", "@@", 2),
        ("Bags", "\\oplus", 2),
        ("Bags", "\\ominus", 2),
        ("Bags", "\\sqsubseteq", 2),
        ("Bitwise", "&", 2),
        ("Json", "ndJsonDeserialize", 1),
        ("IOUtils", "IOEnv", 0),
        ("DyadicRationals", "Reduce", 1),
    ] {
        assert!(ops.contains(&key), "missing builtin {key:?}");
    }
    // Operators TLC evaluates from their TLA+ definitions are not builtins.
    assert!(!ops.iter().any(|(m, o, _)| *m == "SequencesExt" && *o == "Reverse"));
    assert!(!ops.iter().any(|(m, o, _)| *m == "Bags" && *o == "SubBag"));
}

#[test]
fn no_operator_is_listed_twice_in_one_module() {
    let mut ops = builtin_operators();
    let n = ops.len();
    ops.sort();
    ops.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    assert_eq!(ops.len(), n);
}

#[test]
fn every_builtin_marker_is_on_a_recognized_definition_line() {
    // A BUILTIN body written over several lines would be missed by the scanner.
    for name in library_module_names() {
        let text = library_source(name).unwrap_or_default();
        let markers = text.lines().filter(|l| l.trim_end().ends_with(BUILTIN_MARKER)).count();
        let found = builtin_operators().iter().filter(|(m, _, _)| m == name).count();
        assert_eq!(markers, found, "module {name}");
    }
}

/// The README's builtin table, generated from the texts.
fn builtin_table() -> String {
    let mut out = String::from("| module | builtin operators (arity) |\n|---|---|\n");
    for name in library_module_names() {
        let ops: Vec<String> = builtin_operators()
            .into_iter()
            .filter(|(m, _, _)| m == name)
            .map(|(_, o, a)| format!("`{}`/{a}", o.replace('|', "\\|")))
            .collect();
        if !ops.is_empty() {
            out.push_str(&format!("| {name} | {} |\n", ops.join(", ")));
        }
    }
    out
}

#[test]
fn readme_table_lists_exactly_the_builtins() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/library/README.md");
    let readme = std::fs::read_to_string(path).unwrap_or_default();
    let (begin, end) = ("<!-- builtins:begin -->\n", "<!-- builtins:end -->");
    let table = builtin_table();
    let current = readme.split(begin).nth(1).and_then(|rest| rest.split(end).next()).unwrap_or("");
    if std::env::var_os("UPDATE_EXPECT").is_some() && current != table {
        let head = readme.split(begin).next().unwrap_or("");
        let tail = readme.split(end).nth(1).unwrap_or("\n");
        std::fs::write(path, format!("{head}{begin}{table}{end}{tail}")).expect("README is writable");
        return;
    }
    assert_eq!(current, table, "library/README.md is stale: rerun with UPDATE_EXPECT=1");
}
