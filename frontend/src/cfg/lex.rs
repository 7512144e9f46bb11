//! The cfg tokenizer: identifiers, numbers, strings and punctuation, skipping TLA+ comments.
//!
//! TLC reads a cfg with the TLA+ token manager, so comments (`\*` to the end of the line,
//! nestable `(* … *)`) and strings follow TLA+ rules here too.

use crate::diagnostics::Diagnostic;
use crate::span::{FileId, Span};

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// A TLA+ identifier or keyword: letters, digits and `_`, with at least one letter.
    Ident(String),
    /// Decimal digits, kept as text so that overflow is diagnosed by the parser.
    Number(String),
    /// A string literal with its escapes decoded.
    Str(String),
    /// Any other symbol: `=`, `<-`, `{`, `}`, `,`, `(`, `)`, `[`, `]`, `!`, `<<`, `>>`, `-`,
    /// or a run of operator characters such as `\union` or `..`.
    Punct(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub span: Span,
    /// True when no other token precedes this one on its line.
    pub line_start: bool,
}

/// Splits `text` into tokens; comment and string errors become diagnostics.
pub fn tokenize(file: FileId, text: &str) -> (Vec<Token>, Vec<Diagnostic>) {
    let mut lx =
        Lexer { file, text, bytes: text.as_bytes(), pos: 0, line_start: true, toks: Vec::new(), diags: Vec::new() };
    lx.run();
    (lx.toks, lx.diags)
}

struct Lexer<'a> {
    file: FileId,
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    line_start: bool,
    toks: Vec<Token>,
    diags: Vec<Diagnostic>,
}

/// Two-character symbols that are one token.
const PAIRS: &[&str] = &["<-", "<<", ">>", "==", "/=", "<=", ">=", "..", "|->", "->"];

impl Lexer<'_> {
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.file, start as u32, end as u32)
    }

    fn peek(&self, off: usize) -> u8 {
        self.bytes.get(self.pos + off).copied().unwrap_or(0)
    }

    fn run(&mut self) {
        while self.pos < self.bytes.len() {
            let c = self.peek(0);
            if c == b'\n' {
                self.line_start = true;
                self.pos += 1;
            } else if c.is_ascii_whitespace() {
                self.pos += 1;
            } else if c == b'\\' && self.peek(1) == b'*' {
                self.skip_line_comment();
            } else if c == b'(' && self.peek(1) == b'*' {
                self.skip_block_comment();
            } else {
                let start = self.pos;
                let tok = self.token();
                self.toks.push(Token { tok, span: self.span(start, self.pos), line_start: self.line_start });
                self.line_start = false;
            }
        }
    }

    fn skip_line_comment(&mut self) {
        while self.pos < self.bytes.len() && self.peek(0) != b'\n' {
            self.pos += 1;
        }
    }

    /// Skips a `(* … *)` comment, which may nest, as in TLA+.
    fn skip_block_comment(&mut self) {
        let start = self.pos;
        let mut depth = 0usize;
        while self.pos < self.bytes.len() {
            if self.peek(0) == b'(' && self.peek(1) == b'*' {
                depth += 1;
                self.pos += 2;
            } else if self.peek(0) == b'*' && self.peek(1) == b')' {
                depth -= 1;
                self.pos += 2;
                if depth == 0 {
                    return;
                }
            } else {
                self.pos += 1;
            }
        }
        self.diags.push(
            Diagnostic::error(
                "CFG_PARSE_UNTERMINATED_COMMENT",
                self.span(start, start + 2),
                "this comment is never closed",
            )
            .with_expected("`*)`")
            .with_found("end of file")
            .with_help("fix_syntax", "close the comment with `*)`"),
        );
    }

    fn token(&mut self) -> Tok {
        let c = self.peek(0);
        if c.is_ascii_alphanumeric() || c == b'_' {
            let start = self.pos;
            while self.peek(0).is_ascii_alphanumeric() || self.peek(0) == b'_' {
                self.pos += 1;
            }
            let word = &self.text[start..self.pos];
            if word.bytes().all(|b| b.is_ascii_digit()) {
                return Tok::Number(word.to_string());
            }
            return Tok::Ident(word.to_string());
        }
        if c == b'"' {
            return self.string();
        }
        self.punct()
    }

    fn string(&mut self) -> Tok {
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            match self.peek(0) {
                0 if self.pos >= self.bytes.len() => break,
                b'\n' => break,
                b'"' => {
                    self.pos += 1;
                    return Tok::Str(out);
                }
                b'\\' => {
                    // The escaped character may be any Unicode character; step over it whole.
                    let esc = self.text[self.pos + 1..].chars().next().unwrap_or('\\');
                    out.push(match esc {
                        'n' => '\n',
                        't' => '\t',
                        'r' => '\r',
                        'f' => '\u{c}',
                        other => other,
                    });
                    self.pos += 1 + esc.len_utf8().min(self.bytes.len() - self.pos - 1);
                }
                _ => {
                    let ch = self.text[self.pos..].chars().next().unwrap_or(' ');
                    out.push(ch);
                    self.pos += ch.len_utf8();
                }
            }
        }
        self.pos = self.pos.min(self.bytes.len());
        self.diags.push(
            Diagnostic::error(
                "CFG_PARSE_UNTERMINATED_STRING",
                self.span(start, self.pos),
                "this string is never closed",
            )
            .with_expected("`\"` before the end of the line")
            .with_help("fix_syntax", "close the string with `\"`"),
        );
        Tok::Str(out)
    }

    fn punct(&mut self) -> Tok {
        let rest = &self.text[self.pos..];
        if let Some(p) = PAIRS.iter().find(|p| rest.starts_with(**p)) {
            self.pos += p.len();
            return Tok::Punct(p.to_string());
        }
        if let Some(word) = rest.strip_prefix('\\') {
            // `\union`, `\in`, …: a backslash operator, which a cfg never contains.
            let len = 1 + word.bytes().take_while(u8::is_ascii_alphabetic).count();
            self.pos += len;
            return Tok::Punct(rest[..len].to_string());
        }
        let ch = rest.chars().next().unwrap_or(' ');
        self.pos += ch.len_utf8();
        Tok::Punct(ch.to_string())
    }
}
