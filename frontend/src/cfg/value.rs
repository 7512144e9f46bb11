//! Constant values in a cfg: numbers, strings, booleans, model values and `{…}` sets.
//!
//! TLC's cfg reads integers as Java `int`s, so a literal outside the 32-bit range is an error,
//! and it has no tuple syntax: `<<…>>` is reported as unsupported.

use super::{describe, is_keyword, Parser};
use crate::cfg::lex::Tok;
use crate::cfg::{CfgValue, CfgValueKind};
use crate::diagnostics::Diagnostic;
use crate::span::Span;

impl Parser {
    /// One value; `None` after an error.
    pub(super) fn value(&mut self) -> Option<CfgValue> {
        let t = self.peek().cloned();
        let Some(t) = t else {
            self.diags.push(missing_value(self.end, "end of file".into()));
            return None;
        };
        let kind = match &t.tok {
            Tok::Number(digits) => {
                self.pos += 1;
                CfgValueKind::Int(self.integer(digits, false, t.span)?)
            }
            Tok::Str(s) => {
                self.pos += 1;
                CfgValueKind::Str(s.clone())
            }
            Tok::Ident(w) if w == "TRUE" || w == "FALSE" => {
                self.pos += 1;
                CfgValueKind::Bool(w == "TRUE")
            }
            Tok::Ident(w) if is_keyword(w) => {
                self.diags.push(missing_value(t.span, describe(Some(&t))));
                return None;
            }
            Tok::Ident(w) => {
                self.pos += 1;
                CfgValueKind::ModelValue(w.clone())
            }
            Tok::Punct(p) if p == "-" => return self.negative(t.span),
            Tok::Punct(p) if p == "{" => return self.set(t.span),
            Tok::Punct(p) if p == "<<" => {
                let span = self.span_to_section_end(t.span);
                self.diags.push(
                    Diagnostic::error("CFG_PARSE_UNSUPPORTED_SYNTAX", span, "TLC's cfg has no tuple values")
                        .with_expected("a number, string, TRUE/FALSE, model value or {…} set")
                        .with_found("`<<`")
                        .with_help("define_in_spec", "define the tuple in the spec and substitute it with `<-`")
                        .with_example("in the spec: MCTuple == <<1, 2>>\nin the cfg:  T <- MCTuple"),
                );
                return None;
            }
            _ => {
                let span = self.span_to_section_end(t.span);
                self.diags.push(
                    Diagnostic::error("CFG_PARSE_UNEXPECTED_TOKEN", span, "expected a constant value")
                        .with_expected("a number, string, TRUE/FALSE, model value or {…} set")
                        .with_found(describe(Some(&t)))
                        .with_help("define_in_spec", "define the value in the spec and substitute it with `<-`")
                        .with_example("in the spec: MCVal == 1..3\nin the cfg:  Val <- MCVal"),
                );
                return None;
            }
        };
        Some(CfgValue { kind, span: t.span })
    }

    fn negative(&mut self, minus: Span) -> Option<CfgValue> {
        self.pos += 1;
        let t = self.peek().cloned();
        match t.as_ref().map(|t| &t.tok) {
            Some(Tok::Number(digits)) => {
                let span = minus.to(t.as_ref().map_or(minus, |t| t.span));
                self.pos += 1;
                let n = self.integer(digits, true, span)?;
                Some(CfgValue { kind: CfgValueKind::Int(n), span })
            }
            _ => {
                self.diags.push(
                    Diagnostic::error("CFG_PARSE_UNEXPECTED_TOKEN", minus, "`-` must be followed by a number")
                        .with_expected("a number")
                        .with_found(describe(t.as_ref())),
                );
                None
            }
        }
    }

    fn integer(&mut self, digits: &str, negative: bool, span: Span) -> Option<i64> {
        let parsed = digits.parse::<i64>().ok().map(|n| if negative { -n } else { n });
        match parsed.filter(|n| i32::try_from(*n).is_ok()) {
            Some(n) => Some(n),
            None => {
                let sign = if negative { "-" } else { "" };
                self.diags.push(
                    Diagnostic::error(
                        "CFG_PARSE_INTEGER_OVERFLOW",
                        span,
                        format!("the integer {sign}{digits} is out of range"),
                    )
                    .with_expected(format!("an integer from {} to {}", i32::MIN, i32::MAX))
                    .with_found(format!("{sign}{digits}"))
                    .with_help("fix_value", "TLC reads cfg integers as 32-bit numbers; use a smaller value"),
                );
                None
            }
        }
    }

    /// `{v, …}` after its opening brace.
    fn set(&mut self, open: Span) -> Option<CfgValue> {
        self.pos += 1;
        let mut elems = Vec::new();
        if self.at_punct("}") {
            let close = self.here();
            self.pos += 1;
            return Some(CfgValue { kind: CfgValueKind::Set(elems), span: open.to(close) });
        }
        loop {
            elems.push(self.value()?);
            if self.at_punct(",") {
                self.pos += 1;
                continue;
            }
            if self.at_punct("}") {
                let close = self.here();
                self.pos += 1;
                return Some(CfgValue { kind: CfgValueKind::Set(elems), span: open.to(close) });
            }
            let found = describe(self.peek());
            self.diags.push(
                Diagnostic::error("CFG_PARSE_UNEXPECTED_TOKEN", self.here(), "expected `,` or `}` in a set")
                    .with_expected("`,` or `}`")
                    .with_found(found)
                    .with_label(open, "the set starts here"),
            );
            return None;
        }
    }
}

fn missing_value(span: Span, found: String) -> Diagnostic {
    Diagnostic::error("CFG_PARSE_MISSING_VALUE", span, "expected a value after `=`")
        .with_expected("a number, string, TRUE/FALSE, model value or {…} set")
        .with_found(found)
        .with_help("fix_syntax", "write the constant's value after `=`, e.g. `N = 3`")
}
