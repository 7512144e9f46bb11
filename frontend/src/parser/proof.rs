//! Theorems and proofs: the statement is parsed, the proof is skipped as a span.
//!
//! A proof has no effect on model checking, so it is skipped token by token up to the next
//! module-level unit. The only care needed is not to stop early at words that also start units:
//! inside proofs they follow a step label (`<1> USE …`, `<2> Foo == …`), `NEW`, `DEFINE`, a comma
//! or `SUFFICES`, or sit inside a `LET`.

use super::Parser;
use crate::ast::Unit;
use crate::lexer::TokKind;

impl<'t> Parser<'t> {
    /// `THEOREM [Name ==] (expr | ASSUME … PROVE …) [proof]`; the current token is the keyword.
    pub(super) fn theorem(&mut self) -> Unit {
        let start = self.here();
        self.bump();
        let name = self.statement_name();
        let expr = if self.at_kw("ASSUME") {
            self.skip_assume_prove();
            None
        } else {
            Some(self.expr())
        };
        if self.at_proof_start() {
            self.skip_proof();
        }
        Unit::Theorem { name, expr, span: start.to(self.prev_span()) }
    }

    fn at_proof_start(&self) -> bool {
        let t = self.raw();
        t.kind == TokKind::StepLabel || ["PROOF", "BY", "OBVIOUS", "OMITTED"].iter().any(|k| t.is_kw(k))
    }

    /// Skips `ASSUME … PROVE e`, including nested `ASSUME`s among the assumptions.
    fn skip_assume_prove(&mut self) {
        let mut open = 0u32;
        loop {
            let t = self.raw();
            if matches!(t.kind, TokKind::Eof | TokKind::Dashes | TokKind::Equals) {
                return;
            }
            if t.is_kw("ASSUME") {
                open += 1;
            } else if t.is_kw("PROVE") {
                open = open.saturating_sub(1);
                if open == 0 {
                    self.bump();
                    let _ = self.expr();
                    return;
                }
            }
            self.bump();
        }
    }

    /// Skips proof text up to the next module-level unit.
    pub(super) fn skip_proof(&mut self) {
        let mut let_depth = 0u32;
        let mut defining = false;
        let mut first = true;
        loop {
            let t = self.raw();
            if matches!(t.kind, TokKind::Eof | TokKind::Dashes | TokKind::Equals) {
                return;
            }
            if t.kind == TokKind::StepLabel {
                defining = false;
            } else if t.is_kw("LET") {
                let_depth += 1;
            } else if t.is_kw("IN") {
                let_depth = let_depth.saturating_sub(1);
            } else if t.is_kw("DEFINE") {
                defining = true;
            } else if !first && let_depth == 0 && !defining && self.is_unit_start(self.pos) && !self.inside_step() {
                return;
            }
            first = false;
            self.bump();
        }
    }

    /// True when the previous token makes the current unit-like token part of a proof step.
    fn inside_step(&self) -> bool {
        let prev = self.tok_at(self.pos.saturating_sub(1));
        let t = self.raw();
        if ["THEOREM", "LEMMA", "PROPOSITION", "COROLLARY", "AXIOM", "ASSUMPTION", "RECURSIVE", "LOCAL"]
            .iter()
            .any(|k| t.is_kw(k))
        {
            return false;
        }
        if prev.kind == TokKind::StepLabel && prev.line_start {
            return true;
        }
        ["NEW", "ASSUME", "DEFINE", "SUFFICES"].iter().any(|k| prev.is_kw(k)) || prev.is_op(",") || prev.is_op("(")
    }
}
