//! SANY's operator precedence table (`tla2sany/configuration/ConfigConstants.java`, divided by
//! ten): ranges and associativity of infix, prefix and postfix operators.
//!
//! TLA+ gives operators precedence ranges rather than levels. `a op1 b op2 c` groups to the
//! right when op1's range lies below op2's, to the left when above, and is a precedence conflict
//! (rejected by SANY) when the ranges overlap, unless op1 and op2 are the same left-associative
//! operator.

/// A precedence range `lo..=hi` and whether repeated uses group to the left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prec {
    pub lo: u8,
    pub hi: u8,
    pub left_assoc: bool,
}

const fn p(lo: u8, hi: u8, left_assoc: bool) -> Prec {
    Prec { lo, hi, left_assoc }
}

/// The precedence of an infix operator (canonical spelling), or `None` if `sym` is not one.
pub fn infix(sym: &str) -> Option<Prec> {
    Some(match sym {
        "=>" => p(1, 1, false),
        "-+->" | "<=>" | "~>" => p(2, 2, false),
        "/\\" | "\\/" => p(3, 3, true),
        "/=" | "-|" | "::=" | ":=" | "<" | "=" | "=|" | ">" | "\\approx" | "\\asymp" | "\\cong" | "\\doteq" | ">="
        | "\\gg" | "\\in" | "\\ll" | "\\notin" | "\\prec" | "\\preceq" | "\\propto" | "\\sim" | "\\simeq"
        | "\\sqsubset" | "\\sqsubseteq" | "\\sqsupset" | "\\sqsupseteq" | "\\subset" | "\\subseteq" | "\\succ"
        | "\\succeq" | "\\supset" | "\\supseteq" | "|-" | "|=" | "<=" => p(5, 5, false),
        "\\cdot" => p(5, 14, true),
        "@@" => p(6, 6, true),
        ":>" | "<:" => p(7, 7, false),
        "\\" => p(8, 8, false),
        "\\cap" | "\\cup" => p(8, 8, true),
        "..." | ".." => p(9, 9, false),
        "##" | "$" | "$$" | "??" | "\\sqcap" | "\\sqcup" | "\\uplus" => p(9, 13, true),
        "!!" => p(9, 13, false),
        "\\wr" => p(9, 14, false),
        "\\oplus" | "+" | "++" => p(10, 10, true),
        "%" => p(10, 11, false),
        "%%" | "|" | "||" => p(10, 11, true),
        "\\X" => p(10, 13, true),
        "\\ominus" | "-" | "--" => p(11, 11, true),
        "&" | "&&" | "\\odot" | "\\otimes" | "*" | "**" | "\\bigcirc" | "\\bullet" | "\\o" | "\\star" => {
            p(13, 13, true)
        }
        "\\oslash" | "/" | "//" | "\\div" => p(13, 13, false),
        "^" | "^^" => p(14, 14, false),
        _ => return None,
    })
}

/// The precedence of a prefix operator as written in expressions (`-` is unary minus here).
pub fn prefix(sym: &str) -> Option<Prec> {
    Some(match sym {
        "~" => p(4, 4, false),
        "ENABLED" | "UNCHANGED" | "[]" | "<>" => p(4, 15, false),
        "SUBSET" | "UNION" | "DOMAIN" => p(10, 13, false),
        "-" | "-." => p(12, 12, false),
        _ => return None,
    })
}

/// True for postfix operators (`'`, `^+`, `^*`, `^#`), all of precedence 15.
pub fn is_postfix(sym: &str) -> bool {
    matches!(sym, "'" | "^+" | "^*" | "^#")
}

/// True for symbols a user may define as infix operators (`a ++ b == …`).
pub fn is_user_infix(sym: &str) -> bool {
    infix(sym).is_some()
}
