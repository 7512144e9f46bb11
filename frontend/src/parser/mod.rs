//! The TLA+ parser: tokens to [`crate::ast::Module`], never failing (errors become diagnostics).
//!
//! Recursive descent over the token vector of [`crate::lexer`]; expressions use precedence
//! ranges ([`prec`]). Bulleted `/\` and `\/` lists are delimited by an "offside" rule: while a
//! list is open, a token at or left of its bullet column ends the current item. After an error
//! the parser stays silent until it has skipped to the start of the next unit, so that one
//! mistake gives one diagnostic and later units are still checked.

mod dump;
mod expr;
mod forms;
mod prec;
mod proof;
mod units;

pub use dump::dump_module;

use crate::ast;
use crate::diagnostics::Diagnostic;
use crate::lexer::{self, TokKind, Token};
use crate::span::{FileId, Span};

/// How far [`Parser::after_brackets`] looks for the end of a definition head's brackets.
const MAX_HEAD_SCAN: usize = 256;

/// Nesting deeper than this is reported instead of risking the stack.
const MAX_DEPTH: u32 = 96;

/// Parses the first module in `text`; nested modules become [`ast::Unit::Submodule`].
///
/// Text before the first `---- MODULE` line and after the module's closing `====` is ignored,
/// as SANY does. The module is `None` only when no module header exists.
pub fn parse(file: FileId, text: &str) -> (Option<ast::Module>, Vec<Diagnostic>) {
    let Some(start) = lexer::find_module_start(text) else {
        let end = text.find('\n').unwrap_or(text.len()) as u32;
        let d = Diagnostic::error("TLA_PARSE_MISSING_MODULE_HEADER", Span::new(file, 0, end), "no module header found")
            .with_help("fix_syntax", "a module starts with a line such as `---- MODULE Name ----`")
            .with_example("---- MODULE Spec ----");
        return (None, vec![d]);
    };
    let (toks, lex_diags) = lexer::lex(file, text, start);
    let mut p = Parser::new(&toks);
    let module = p.module(0);
    let end = p.module_end.unwrap_or(text.len() as u32);
    let mut diags: Vec<Diagnostic> = lex_diags.into_iter().filter(|d| d.span.start < end).collect();
    diags.extend(p.diags);
    diags.sort_by_key(|d| (d.span.start, d.span.end));
    (module, diags)
}

/// An open bulleted list: its bullet column.
#[derive(Debug, Clone, Copy)]
struct Junction {
    col: u32,
}

pub(crate) struct Parser<'t> {
    toks: &'t [Token],
    pos: usize,
    diags: Vec<Diagnostic>,
    /// Set after an error until the next unit starts; suppresses follow-on diagnostics.
    panicking: bool,
    /// Open bulleted lists, innermost last; `None` marks a bracket, inside which outer lists
    /// do not apply.
    scopes: Vec<Option<Junction>>,
    depth: u32,
    /// End offset of the outermost module's `====` line, once seen.
    module_end: Option<u32>,
}

impl<'t> Parser<'t> {
    fn new(toks: &'t [Token]) -> Parser<'t> {
        Parser { toks, pos: 0, diags: Vec::new(), panicking: false, scopes: Vec::new(), depth: 0, module_end: None }
    }

    fn tok_at(&self, i: usize) -> &'t Token {
        let last = self.toks.len() - 1;
        &self.toks[i.min(last)]
    }
    /// The current token, ignoring any open bulleted list.
    fn raw(&self) -> &'t Token {
        self.tok_at(self.pos)
    }
    fn nth(&self, n: usize) -> &'t Token {
        self.tok_at(self.pos + n)
    }
    /// True when the current token ends the innermost open bulleted list item.
    fn offside(&self) -> bool {
        match self.scopes.last() {
            Some(Some(j)) => self.raw().col <= j.col,
            _ => false,
        }
    }
    fn at_eof(&self) -> bool {
        self.raw().kind == TokKind::Eof || self.offside()
    }
    fn at_op(&self, s: &str) -> bool {
        !self.offside() && self.raw().is_op(s)
    }
    fn at_kw(&self, s: &str) -> bool {
        !self.offside() && self.raw().is_kw(s)
    }
    fn at_kind(&self, k: TokKind) -> bool {
        !self.offside() && self.raw().kind == k
    }
    fn bump(&mut self) -> &'t Token {
        let t = self.raw();
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        t
    }
    fn eat_op(&mut self, s: &str) -> bool {
        let yes = self.at_op(s);
        if yes {
            self.bump();
        }
        yes
    }
    fn eat_kw(&mut self, s: &str) -> bool {
        let yes = self.at_kw(s);
        if yes {
            self.bump();
        }
        yes
    }
    fn prev_span(&self) -> Span {
        self.tok_at(self.pos.saturating_sub(1)).span
    }
    fn here(&self) -> Span {
        self.raw().span
    }

    fn error(&mut self, d: Diagnostic) {
        // The lexer already reported an unknown token; one diagnostic for it is enough.
        if !self.panicking && self.raw().kind != TokKind::Unknown {
            self.diags.push(d);
            self.panicking = true;
        }
    }
    fn describe(&self) -> String {
        let t = self.raw();
        if self.offside() && t.kind != TokKind::Eof {
            return format!("`{}` (outside the bulleted list)", t.text);
        }
        match t.kind {
            TokKind::Eof => "end of file".into(),
            TokKind::Str => format!("string \"{}\"", t.text),
            TokKind::Dashes => "a `----` separator line".into(),
            TokKind::Equals => "the `====` line ending the module".into(),
            _ => format!("`{}`", t.text),
        }
    }
    fn unexpected(&mut self, expected: &str) {
        let found = self.describe();
        let d =
            Diagnostic::error("TLA_PARSE_UNEXPECTED_TOKEN", self.here(), format!("expected {expected}, found {found}"))
                .with_expected(expected)
                .with_found(found);
        self.error(d);
    }
    /// Consumes the operator `s` or reports what was found instead.
    fn expect_op(&mut self, s: &str) -> bool {
        if self.eat_op(s) {
            return true;
        }
        self.unexpected(&format!("`{s}`"));
        false
    }
    fn expect_kw(&mut self, s: &str) -> bool {
        if self.eat_kw(s) {
            return true;
        }
        self.unexpected(&format!("`{s}`"));
        false
    }
    /// Consumes the closing bracket `close` of the one opened at `open`.
    fn expect_close(&mut self, close: &str, open: Span) {
        // A closing bracket matches its opener whatever its column.
        if self.raw().is_op(close) {
            self.bump();
            return;
        }
        let t = self.raw();
        let ends = matches!(t.kind, TokKind::Eof | TokKind::Dashes | TokKind::Equals)
            || (t.line_start && self.is_unit_start(self.pos));
        if ends {
            let d = Diagnostic::error(
                "TLA_PARSE_UNCLOSED_BRACKET",
                open,
                format!("this bracket is never closed with `{close}`"),
            )
            .with_label(t.span, format!("expected `{close}` before this"))
            .with_expected(format!("`{close}`"))
            .with_found(self.describe())
            .with_help("fix_syntax", format!("add the missing `{close}`"));
            self.error(d);
        } else {
            self.unexpected(&format!("`{close}`"));
        }
    }
    fn ident(&mut self, what: &str) -> ast::Ident {
        if self.at_kind(TokKind::Ident) {
            let t = self.bump();
            return ast::Ident { name: t.text.clone(), span: t.span };
        }
        self.unexpected(what);
        ast::Ident { name: String::new(), span: self.here() }
    }
    fn ident_of(t: &Token) -> ast::Ident {
        ast::Ident { name: t.text.clone(), span: t.span }
    }

    /// Runs `f` one nesting level deeper, or reports `TLA_PARSE_TOO_DEEP` past [`MAX_DEPTH`].
    fn nested<T>(&mut self, fallback: T, f: impl FnOnce(&mut Self) -> T) -> T {
        if self.depth >= MAX_DEPTH {
            let d = Diagnostic::error("TLA_PARSE_TOO_DEEP", self.here(), "expression nested too deeply").with_help(
                "restructure",
                format!("split this expression into definitions; nesting is limited to {MAX_DEPTH} levels"),
            );
            self.error(d);
            self.skip_to_unit_start();
            return fallback;
        }
        self.depth += 1;
        let r = f(self);
        self.depth -= 1;
        r
    }

    /// Skips tokens up to the start of the next unit (error recovery).
    fn skip_to_unit_start(&mut self) {
        let saved = std::mem::take(&mut self.scopes);
        loop {
            self.bump();
            let t = self.raw();
            if t.kind == TokKind::Eof || (t.line_start && self.is_unit_start(self.pos)) {
                break;
            }
        }
        self.scopes = saved;
    }

    /// True when token `i` starts a module-level unit.
    fn is_unit_start(&self, i: usize) -> bool {
        let t = self.tok_at(i);
        match t.kind {
            TokKind::Eof | TokKind::Dashes | TokKind::Equals => true,
            TokKind::Keyword => matches!(
                t.text.as_str(),
                "VARIABLE"
                    | "VARIABLES"
                    | "CONSTANT"
                    | "CONSTANTS"
                    | "RECURSIVE"
                    | "LOCAL"
                    | "INSTANCE"
                    | "ASSUME"
                    | "ASSUMPTION"
                    | "AXIOM"
                    | "THEOREM"
                    | "LEMMA"
                    | "PROPOSITION"
                    | "COROLLARY"
                    | "USE"
                    | "HIDE"
            ),
            _ => self.looks_like_def(i),
        }
    }

    /// True when tokens from `i` read like a definition head: `F ==`, `F(…) ==`, `f[…] ==`,
    /// `a ++ b ==`, `-. a ==`, `a ^+ ==`.
    fn looks_like_def(&self, i: usize) -> bool {
        let t = self.tok_at(i);
        let at = |k: usize| self.tok_at(i + k);
        match t.kind {
            TokKind::Ident => {
                let n = at(1);
                if n.is_op("==") {
                    return true;
                }
                if n.is_op("(") || n.is_op("[") {
                    return self.after_brackets(i + 1).is_some_and(|j| self.tok_at(j).is_op("=="));
                }
                if n.kind == TokKind::Op && prec::is_postfix(&n.text) {
                    return at(2).is_op("==");
                }
                n.kind == TokKind::Op
                    && prec::is_user_infix(&n.text)
                    && at(2).kind == TokKind::Ident
                    && at(3).is_op("==")
            }
            TokKind::Op if prec::prefix(&t.text).is_some() => at(1).kind == TokKind::Ident && at(2).is_op("=="),
            _ => false,
        }
    }

    /// Given an opening bracket at `i`, the index just after its matching closer, looking at most
    /// [`MAX_HEAD_SCAN`] tokens ahead: definition heads are short, and a bounded scan keeps
    /// [`Self::looks_like_def`] cheap when called on every token of a proof.
    fn after_brackets(&self, i: usize) -> Option<usize> {
        let mut depth = 0i32;
        for j in i..i + MAX_HEAD_SCAN {
            let t = self.tok_at(j);
            match t.kind {
                TokKind::Eof | TokKind::Dashes | TokKind::Equals => return None,
                TokKind::Op => match t.text.as_str() {
                    "(" | "[" | "{" | "<<" => depth += 1,
                    ")" | "]" | "]_" | "}" | ">>" | ">>_" => depth -= 1,
                    _ => {}
                },
                _ => {}
            }
            if depth <= 0 {
                return Some(j + 1);
            }
        }
        None
    }
}
