//! The cfg parser returns a config and diagnostics for any text, never panicking, and every
//! diagnostic span lies inside the text on character boundaries.

use proptest::prelude::*;
use tla2_frontend::cfg::parse::parse_cfg;
use tla2_frontend::FileId;

/// Fragments that make up realistic and broken cfgs alike.
const PIECES: &[&str] = &[
    "SPECIFICATION",
    "INIT",
    "NEXT",
    "CONSTANTS",
    "CONSTANT",
    "INVARIANT",
    "PROPERTY",
    "SYMMETRY",
    "CHECK_DEADLOCK",
    "TRUE",
    "FALSE",
    "Spec",
    "N",
    "=",
    "<-",
    "[",
    "]",
    "{",
    "}",
    ",",
    "(",
    ")",
    "<<",
    ">>",
    "-",
    "3",
    "99999999999",
    "\"s",
    "\"str\"",
    "(*",
    "*)",
    "\\*",
    "\\union",
    "!",
    "\n",
    " ",
    "é",
    "∪",
];

fn cfg_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.join(" "))
}

proptest! {
    #[test]
    fn parsing_any_token_soup_keeps_spans_inside_the_text(text in cfg_text()) {
        let (_, diags) = parse_cfg(FileId(0), &text);
        for d in diags {
            prop_assert!(d.span.start <= d.span.end && d.span.end as usize <= text.len());
            prop_assert!(text.is_char_boundary(d.span.start as usize));
            prop_assert!(text.is_char_boundary(d.span.end as usize));
        }
    }

    #[test]
    fn parsing_arbitrary_unicode_never_panics(text in "\\PC{0,200}") {
        let _ = parse_cfg(FileId(0), &text);
    }
}
