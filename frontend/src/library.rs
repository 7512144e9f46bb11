//! The library embedded in the binary: standard modules, CommunityModules, Apalache and the
//! TLAPS proof-library modules, as `.tla` texts in `frontend/library/`.
//!
//! Convention: an operator implemented natively has the body `BUILTIN` (an identifier no module
//! defines); lowering turns a call of it into an `ir::Callee::Builtin` named by
//! (module, operator), which the runtime implements. Each such definition sits on one line
//! (`Name(a, b) == BUILTIN`, `a + b == BUILTIN`, `-. a == BUILTIN`), which is what lets
//! [`builtin_operators`] find them by scanning the texts. `frontend/library/README.md` lists them.

use crate::ast::canonical_symbol;

/// The body that marks a natively implemented operator.
pub const BUILTIN_MARKER: &str = "BUILTIN";

/// Declares the embedded modules once, so the name list and the lookup cannot disagree.
macro_rules! library {
    ($($name:literal),* $(,)?) => {
        const MODULES: &[(&str, &str)] = &[
            $(($name, include_str!(concat!("../library/", $name, ".tla")))),*
        ];
        const NAMES: &[&str] = &[$($name),*];
    };
}

library![
    // Standard modules (tla2sany/StandardModules and TLC).
    "Naturals",
    "Integers",
    "Reals",
    "Sequences",
    "FiniteSets",
    "Bags",
    "TLC",
    "TLCExt",
    "Randomization",
    "Toolbox",
    // CommunityModules.
    "Folds",
    "Functions",
    "FiniteSetsExt",
    "SequencesExt",
    "BagsExt",
    "Bitwise",
    "Json",
    "IOUtils",
    "CSV",
    "Relation",
    "Graphs",
    "UndirectedGraphs",
    "DyadicRationals",
    "VectorClocks",
    "SVG",
    "Statistics",
    // Apalache.
    "Apalache",
    "Variants",
    // The TLAPS proof library and the community theorem modules.
    "TLAPS",
    "NaturalsInduction",
    "WellFoundedInduction",
    "FiniteSetTheorems",
    "FunctionTheorems",
    "SequenceTheorems",
    "SequencesExtTheorems",
    "FiniteSetsExtTheorems",
    "FoldsTheorems",
];

/// The text of the embedded module `name`, if there is one.
pub fn library_source(name: &str) -> Option<&'static str> {
    MODULES.iter().find(|(n, _)| *n == name).map(|(_, text)| *text)
}

/// The names of every embedded module, standard modules first.
pub fn library_module_names() -> &'static [&'static str] {
    NAMES
}

/// Every natively implemented operator as (module, operator, arity), in module order.
///
/// Infix and prefix operators are named by their canonical symbol (`("Bags", "\\oplus")`,
/// `("Integers", "-.")`), as the parser names them.
pub fn builtin_operators() -> Vec<(&'static str, &'static str, usize)> {
    let mut out = Vec::new();
    for &(module, text) in MODULES {
        for line in text.lines() {
            if let Some((name, arity)) = builtin_definition(line) {
                out.push((module, name, arity));
            }
        }
    }
    out
}

/// Recognizes a one-line definition `lhs == BUILTIN` and returns the operator's name and arity.
fn builtin_definition(line: &'static str) -> Option<(&'static str, usize)> {
    let (lhs, rhs) = line.split_once("==")?;
    if rhs.trim() != BUILTIN_MARKER {
        return None;
    }
    let lhs = lhs.trim();
    let lhs = lhs.strip_prefix("LOCAL ").map_or(lhs, str::trim);
    if let Some((name, params)) = lhs.split_once('(') {
        // `B1 (+) B2` also contains a parenthesis; an applied name is written without a space.
        if let (true, Some(params)) = (is_identifier(name), params.strip_suffix(')')) {
            return Some((name, count_params(params)));
        }
    }
    let words: Vec<&'static str> = lhs.split_whitespace().collect();
    match words.as_slice() {
        [name] if is_identifier(name) => Some((name, 0)),
        [_, op, _] => Some((canonical_symbol(op), 2)),
        [op, arg] if is_identifier(arg) => Some((canonical_symbol(op), 1)),
        _ => None,
    }
}

/// Counts the parameters of `a, Op(_, _), b`: commas outside parentheses, plus one.
fn count_params(params: &str) -> usize {
    let mut depth = 0i32;
    let mut count = 1;
    for c in params.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => count += 1,
            _ => {}
        }
    }
    count
}

fn is_identifier(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn infix_prefix_and_applied_definitions_are_recognized() {
        assert_eq!(builtin_definition("a + b == BUILTIN"), Some(("+", 2)));
        assert_eq!(builtin_definition("B1 (+) B2 == BUILTIN"), Some(("\\oplus", 2)));
        assert_eq!(builtin_definition("-. a == BUILTIN"), Some(("-.", 1)));
        assert_eq!(builtin_definition("SortSeq(s, Op(_, _)) == BUILTIN"), Some(("SortSeq", 2)));
        assert_eq!(builtin_definition("Nat == BUILTIN"), Some(("Nat", 0)));
        assert_eq!(builtin_definition("Max(S) == CHOOSE x \\in S : TRUE"), None);
    }

    #[test]
    fn every_listed_module_has_a_text() {
        for name in library_module_names() {
            assert!(library_source(name).is_some(), "{name}");
        }
        assert!(library_source("NoSuchModule").is_none());
    }
}
