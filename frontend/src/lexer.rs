//! The TLA+ lexer: text to tokens with spans and columns; canonical operator symbols.
//!
//! Comments (`\*`, nested `(* *)`, and so PlusCal blocks) are dropped. Every operator spelling
//! goes through [`crate::ast::canonical_symbol`]. Tokens carry their character column because
//! bulleted `/\` and `\/` lists are delimited by alignment.

use crate::ast::canonical_symbol;
use crate::diagnostics::Diagnostic;
use crate::span::{FileId, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Ident,
    /// A reserved word such as `LET`, `WF_` or `PROOF`; `text` holds its spelling.
    Keyword,
    /// A natural number, already converted to decimal digits.
    Number,
    Decimal,
    /// A string literal; `text` holds the decoded contents.
    Str,
    /// An operator symbol or punctuation, canonical (`(`, `==`, `/\`, `\in`, `]_`, `>>_`…).
    Op,
    /// A line of four or more `-`.
    Dashes,
    /// A line of four or more `=`.
    Equals,
    /// A proof step label such as `<1>`, `<2>3.` or `<*>`; `text` holds its level digits.
    StepLabel,
    /// A character or `\word` that is not TLA+, already reported by the lexer.
    Unknown,
    Eof,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub kind: TokKind,
    pub text: String,
    pub span: Span,
    /// 0-based line number.
    pub line: u32,
    /// 0-based column in characters.
    pub col: u32,
    /// True when no token precedes this one on its line.
    pub line_start: bool,
}

impl Token {
    pub fn is(&self, kind: TokKind, text: &str) -> bool {
        self.kind == kind && self.text == text
    }
    pub fn is_op(&self, text: &str) -> bool {
        self.is(TokKind::Op, text)
    }
    pub fn is_kw(&self, text: &str) -> bool {
        self.is(TokKind::Keyword, text)
    }
}

const KEYWORDS: &[&str] = &[
    "ACTION",
    "ASSUME",
    "ASSUMPTION",
    "AXIOM",
    "BY",
    "CASE",
    "CHOOSE",
    "CONSTANT",
    "CONSTANTS",
    "COROLLARY",
    "DEF",
    "DEFINE",
    "DEFS",
    "DOMAIN",
    "ELSE",
    "ENABLED",
    "EXCEPT",
    "EXTENDS",
    "HAVE",
    "HIDE",
    "IF",
    "IN",
    "INSTANCE",
    "LAMBDA",
    "LEMMA",
    "LET",
    "LOCAL",
    "MODULE",
    "NEW",
    "OBVIOUS",
    "OMITTED",
    "ONLY",
    "OTHER",
    "PICK",
    "PROOF",
    "PROPOSITION",
    "PROVE",
    "QED",
    "RECURSIVE",
    "STATE",
    "SUBSET",
    "SUFFICES",
    "TAKE",
    "TEMPORAL",
    "THEN",
    "THEOREM",
    "UNCHANGED",
    "UNION",
    "USE",
    "VARIABLE",
    "VARIABLES",
    "WITH",
    "WITNESS",
];

/// Operator and punctuation spellings, longest first so that the first match is the longest.
const SYMBOLS: &[&str] = &[
    "(\\X)", "-+->", "::=", "<=>", "|->", "...", "(+)", "(-)", "(.)", "(/)", "==", "=>", "=<", "<=", ">=", "/=", "->",
    "<-", "~>", "[]", "<>", "<<", ">>", "/\\", "\\/", "..", "::", ":=", ":>", "<:", "!!", "??", "@@", "++", "--", "**",
    "//", "^^", "%%", "&&", "||", "$$", "##", "|-", "|=", "-|", "=|", "^+", "^*", "^#", "-.", "(", ")", "[", "]", "{",
    "}", ",", ":", ".", "!", "@", "'", "=", "<", ">", "+", "-", "*", "/", "^", "%", "&", "|", "$", "#", "~", "?",
];

/// Backslash words that are operators (before canonicalisation).
const BACKSLASH_WORDS: &[&str] = &[
    "in",
    "notin",
    "cup",
    "cap",
    "union",
    "intersect",
    "subseteq",
    "subset",
    "supseteq",
    "supset",
    "X",
    "times",
    "o",
    "circ",
    "div",
    "cdot",
    "prec",
    "preceq",
    "succ",
    "succeq",
    "ll",
    "gg",
    "sim",
    "simeq",
    "approx",
    "cong",
    "asymp",
    "doteq",
    "propto",
    "wr",
    "sqsubset",
    "sqsubseteq",
    "sqsupset",
    "sqsupseteq",
    "sqcap",
    "sqcup",
    "uplus",
    "oplus",
    "ominus",
    "otimes",
    "odot",
    "oslash",
    "bigcirc",
    "bullet",
    "star",
    "land",
    "lor",
    "lnot",
    "neg",
    "equiv",
    "leq",
    "geq",
    "setminus",
    "A",
    "E",
    "AA",
    "EE",
    "forall",
    "exists",
];

/// Lexes `text[start..]` of `file`; positions stay relative to the whole text.
pub fn lex(file: FileId, text: &str, start: usize) -> (Vec<Token>, Vec<Diagnostic>) {
    let mut lx = Lexer {
        file,
        text,
        pos: start,
        line: 0,
        line_start_pos: 0,
        toks: Vec::new(),
        diags: Vec::new(),
        last_line: u32::MAX,
    };
    lx.line = text[..start].bytes().filter(|&b| b == b'\n').count() as u32;
    lx.line_start_pos = text[..start].rfind('\n').map_or(0, |i| i + 1);
    lx.run();
    let end = text.len() as u32;
    let col = lx.col_of(text.len());
    lx.toks.push(Token {
        kind: TokKind::Eof,
        text: String::new(),
        span: Span::new(file, end, end),
        line: lx.line,
        col,
        line_start: true,
    });
    (lx.toks, lx.diags)
}

/// Byte offset of the first `----…MODULE` header in `text`, where SANY starts reading.
pub fn find_module_start(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = text[from..].find("----") {
        let at = from + i;
        let mut j = at;
        while j < bytes.len() && bytes[j] == b'-' {
            j += 1;
        }
        let mut k = j;
        while k < bytes.len() && (bytes[k] as char).is_ascii_whitespace() {
            k += 1;
        }
        if text[k..].starts_with("MODULE") {
            return Some(at);
        }
        from = j;
    }
    None
}

struct Lexer<'a> {
    file: FileId,
    text: &'a str,
    pos: usize,
    line: u32,
    line_start_pos: usize,
    toks: Vec<Token>,
    diags: Vec<Diagnostic>,
    last_line: u32,
}

impl<'a> Lexer<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }
    fn peek_char(&self) -> Option<char> {
        self.rest().chars().next()
    }
    fn col_of(&self, pos: usize) -> u32 {
        self.text.get(self.line_start_pos..pos).map_or(0, |s| s.chars().count() as u32)
    }
    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.file, a as u32, b as u32)
    }
    /// Advances over `n` bytes, keeping line bookkeeping right.
    fn bump(&mut self, n: usize) {
        let end = (self.pos + n).min(self.text.len());
        for (i, b) in self.text.as_bytes()[self.pos..end].iter().enumerate() {
            if *b == b'\n' {
                self.line += 1;
                self.line_start_pos = self.pos + i + 1;
            }
        }
        self.pos = end;
    }
    fn push(&mut self, kind: TokKind, text: String, start: usize) {
        let col = self.col_of(start);
        let line_start = self.last_line != self.line;
        self.last_line = self.line;
        self.toks.push(Token { kind, text, span: self.span(start, self.pos), line: self.line, col, line_start });
    }

    fn run(&mut self) {
        while let Some(c) = self.peek_char() {
            let start = self.pos;
            if c.is_whitespace() {
                self.bump(c.len_utf8());
            } else if self.rest().starts_with("(*") {
                self.block_comment();
            } else if self.rest().starts_with("\\*") {
                let n = self.rest().find('\n').unwrap_or(self.rest().len());
                self.bump(n);
            } else if c.is_ascii_digit() {
                self.number_or_ident();
            } else if c.is_ascii_alphabetic() || c == '_' {
                self.word();
            } else if c == '"' {
                self.string();
            } else if c == '\\' {
                self.backslash();
            } else if self.rest().starts_with("----") {
                self.run_of(b'-', TokKind::Dashes);
            } else if self.rest().starts_with("====") {
                self.run_of(b'=', TokKind::Equals);
            } else if c == '<' && self.step_label() {
            } else if let Some(sym) = SYMBOLS.iter().find(|s| self.rest().starts_with(**s)) {
                self.symbol(sym, start);
            } else if let Some(sym) = unicode_punctuation(c) {
                self.bump(c.len_utf8());
                self.push(TokKind::Op, sym.to_string(), start);
            } else if canonical_symbol(&c.to_string()) != c.to_string() {
                self.bump(c.len_utf8());
                let canon = canonical_symbol(&c.to_string()).to_string();
                self.push(TokKind::Op, canon, start);
            } else {
                self.bump(c.len_utf8());
                let d = Diagnostic::error(
                    "TLA_PARSE_UNKNOWN_CHARACTER",
                    self.span(start, self.pos),
                    format!("unexpected character `{c}`"),
                )
                .with_found(c.to_string());
                self.diags.push(d);
                self.push(TokKind::Unknown, c.to_string(), start);
            }
        }
    }

    fn symbol(&mut self, sym: &str, start: usize) {
        self.bump(sym.len());
        let mut text = canonical_symbol(sym).to_string();
        // `]_v` and `>>_v` introduce action subscripts; `_` cannot follow them otherwise.
        if (sym == "]" || sym == ">>") && self.rest().starts_with('_') {
            self.bump(1);
            text.push('_');
        }
        self.push(TokKind::Op, text, start);
    }

    fn run_of(&mut self, b: u8, kind: TokKind) {
        let start = self.pos;
        let n = self.rest().bytes().take_while(|&x| x == b).count();
        self.bump(n);
        self.push(kind, self.text[start..self.pos].to_string(), start);
    }

    fn block_comment(&mut self) {
        let start = self.pos;
        let mut depth = 0usize;
        loop {
            let r = self.rest();
            if r.starts_with("(*") {
                depth += 1;
                self.bump(2);
            } else if r.starts_with("*)") {
                depth -= 1;
                self.bump(2);
                if depth == 0 {
                    return;
                }
            } else if let Some(c) = r.chars().next() {
                self.bump(c.len_utf8());
            } else {
                let d = Diagnostic::error(
                    "TLA_PARSE_UNTERMINATED_COMMENT",
                    self.span(start, start + 2),
                    "this comment is never closed",
                )
                .with_help(
                    "fix_syntax",
                    "close the comment with `*)`; comments nest, so every `(*` needs its own `*)`",
                );
                self.diags.push(d);
                return;
            }
        }
    }

    fn word(&mut self) {
        let start = self.pos;
        let n = self.rest().bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
        let w = &self.rest()[..n];
        // `WF_vars` is the keyword `WF_` followed by the subscript `vars`.
        if (w.starts_with("WF_") || w.starts_with("SF_")) && w.len() >= 3 {
            self.bump(3);
            self.push(TokKind::Keyword, w[..3].to_string(), start);
            return;
        }
        let w = w.to_string();
        self.bump(n);
        let kind = if KEYWORDS.contains(&w.as_str()) { TokKind::Keyword } else { TokKind::Ident };
        self.push(kind, w, start);
    }

    fn number_or_ident(&mut self) {
        let start = self.pos;
        let n = self.rest().bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
        let w = &self.rest()[..n];
        if w.bytes().any(|b| b.is_ascii_alphabetic() || b == b'_') {
            // TLA+ identifiers may start with digits, such as `1st`.
            self.word();
            return;
        }
        self.bump(n);
        let r = self.rest();
        if r.starts_with('.') && r[1..].starts_with(|c: char| c.is_ascii_digit()) {
            self.bump(1);
            let m = self.rest().bytes().take_while(|b| b.is_ascii_digit()).count();
            self.bump(m);
            self.push(TokKind::Decimal, self.text[start..self.pos].to_string(), start);
        } else {
            self.push(TokKind::Number, self.text[start..self.pos].to_string(), start);
        }
    }

    /// `\b101`, `\o17`, `\h1F`: converted to decimal digits.
    fn radix_number(&mut self, radix: u32) {
        let start = self.pos;
        self.bump(2);
        let n = self.rest().bytes().take_while(|b| b.is_ascii_alphanumeric()).count();
        let digits = self.rest()[..n].to_string();
        self.bump(n);
        let mut value: Vec<u32> = vec![0];
        let mut ok = !digits.is_empty();
        for c in digits.chars() {
            match c.to_digit(radix) {
                Some(d) => mul_add(&mut value, radix, d),
                None => ok = false,
            }
        }
        if ok {
            self.push(TokKind::Number, to_decimal(&value), start);
        } else {
            let d = Diagnostic::error(
                "TLA_PARSE_INVALID_NUMBER",
                self.span(start, self.pos),
                format!("`{}` is not a valid base-{radix} number", &self.text[start..self.pos]),
            )
            .with_help(
                "fix_syntax",
                "use only the digits of that base: \\b for binary, \\o for octal, \\h for hexadecimal",
            );
            self.diags.push(d);
            self.push(TokKind::Number, "0".into(), start);
        }
    }

    fn backslash(&mut self) {
        let start = self.pos;
        let r = self.rest();
        let second = r[1..].chars().next();
        let third = r[1..].chars().nth(1);
        let radix = match second {
            Some('b' | 'B') => Some(2),
            Some('o' | 'O') => Some(8),
            Some('h' | 'H') => Some(16),
            _ => None,
        };
        if let (Some(radix), Some(t)) = (radix, third) {
            if t.is_digit(radix) {
                self.radix_number(radix);
                return;
            }
        }
        if r.starts_with("\\/") {
            self.bump(2);
            self.push(TokKind::Op, "\\/".into(), start);
            return;
        }
        let n = r[1..].bytes().take_while(|b| b.is_ascii_alphabetic()).count();
        let w = &r[1..1 + n];
        if n > 0 && BACKSLASH_WORDS.contains(&w) {
            let sym = format!("\\{w}");
            self.bump(1 + n);
            let canon = canonical_symbol(&sym).to_string();
            self.push(TokKind::Op, canon, start);
        } else if n == 0 {
            self.bump(1);
            self.push(TokKind::Op, "\\".into(), start);
        } else {
            self.bump(1 + n);
            let d = Diagnostic::error(
                "TLA_PARSE_UNKNOWN_CHARACTER",
                self.span(start, self.pos),
                format!("`\\{w}` is not a TLA+ operator"),
            )
            .with_found(format!("\\{w}"));
            self.diags.push(d);
            self.push(TokKind::Unknown, format!("\\{w}"), start);
        }
    }

    fn string(&mut self) {
        let start = self.pos;
        self.bump(1);
        let mut out = String::new();
        loop {
            let Some(c) = self.peek_char() else { return self.unterminated_string(start) };
            if c == '\n' {
                return self.unterminated_string(start);
            }
            let at = self.pos;
            self.bump(c.len_utf8());
            match c {
                '"' => break,
                '\\' => {
                    let e = self.peek_char();
                    let decoded = match e {
                        Some('"') => Some('"'),
                        Some('\\') => Some('\\'),
                        Some('n') => Some('\n'),
                        Some('t') => Some('\t'),
                        Some('r') => Some('\r'),
                        Some('f') => Some('\u{c}'),
                        _ => None,
                    };
                    match decoded {
                        Some(d) => {
                            out.push(d);
                            self.bump(1);
                        }
                        None => {
                            let len = e.filter(|c| *c != '\n').map_or(0, char::len_utf8);
                            self.bump(len);
                            let d = Diagnostic::error(
                                "TLA_PARSE_INVALID_ESCAPE",
                                self.span(at, self.pos),
                                "invalid escape sequence in string",
                            )
                            .with_help(
                                "fix_syntax",
                                "the escapes are \\\" \\\\ \\n \\t \\r \\f; write \\\\ for a backslash",
                            );
                            self.diags.push(d);
                        }
                    }
                }
                c => out.push(c),
            }
        }
        self.push(TokKind::Str, out, start);
    }

    fn unterminated_string(&mut self, start: usize) {
        let d = Diagnostic::error(
            "TLA_PARSE_UNTERMINATED_STRING",
            self.span(start, self.pos),
            "this string is never closed",
        )
        .with_help("fix_syntax", "close the string with `\"` on the same line");
        self.diags.push(d);
        self.push(TokKind::Str, String::new(), start);
    }

    /// `<1>`, `<1>2.`, `<1>a`, `<*>`, `<+>`: proof step labels and references.
    fn step_label(&mut self) -> bool {
        let r = self.rest().as_bytes();
        let mut i = 1;
        while i < r.len() && r[i].is_ascii_digit() {
            i += 1;
        }
        let level_ok = i > 1 || (r.len() > 2 && (r[1] == b'*' || r[1] == b'+'));
        if i == 1 && level_ok {
            i = 2;
        }
        if !level_ok || i >= r.len() || r[i] != b'>' {
            return false;
        }
        let level = self.rest()[1..i].to_string();
        i += 1;
        while i < r.len() && (r[i].is_ascii_alphanumeric() || r[i] == b'_') {
            i += 1;
        }
        while i < r.len() && r[i] == b'.' && !(i + 1 < r.len() && r[i + 1] == b'.') {
            i += 1;
        }
        let start = self.pos;
        self.bump(i);
        self.push(TokKind::StepLabel, level, start);
        true
    }
}

/// Unicode spellings of punctuation that is not an operator, so not in `canonical_symbol`.
fn unicode_punctuation(c: char) -> Option<&'static str> {
    Some(match c {
        '≜' => "==",
        '∖' => "\\",
        '≔' => ":=",
        '⩴' => "::=",
        '…' => "...",
        '∷' => "::",
        _ => return None,
    })
}

fn mul_add(value: &mut Vec<u32>, radix: u32, digit: u32) {
    // Little-endian base-10^9 limbs, so that any literal length is exact.
    let mut carry = digit as u64;
    for limb in value.iter_mut() {
        let v = *limb as u64 * radix as u64 + carry;
        *limb = (v % 1_000_000_000) as u32;
        carry = v / 1_000_000_000;
    }
    if carry > 0 {
        value.push(carry as u32);
    }
}

fn to_decimal(value: &[u32]) -> String {
    let mut s = value.last().map_or("0".into(), |v| v.to_string());
    for limb in value.iter().rev().skip(1) {
        s.push_str(&format!("{limb:09}"));
    }
    s
}
