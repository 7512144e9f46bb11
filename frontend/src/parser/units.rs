//! Module-level parsing: the header, EXTENDS, declarations, definitions and instances.

use super::{prec, Parser};
use crate::ast::{self, ConstDecl, Ident, InstanceDef, OpDef, OpParam, OpShape, Unit};
use crate::diagnostics::Diagnostic;
use crate::lexer::TokKind;

/// What a definition head turned out to define.
pub(super) enum Defined {
    Op(OpDef),
    Fun(ast::FunDef),
    Instance(InstanceDef),
}

impl<'t> Parser<'t> {
    /// `---- MODULE Name ---- [EXTENDS …] units ====`; the current token is the dashes.
    pub(super) fn module(&mut self, level: u32) -> Option<ast::Module> {
        let start = self.here();
        self.bump();
        self.expect_kw("MODULE");
        let name = self.ident("a module name");
        if self.raw().kind == TokKind::Dashes {
            self.bump();
        }
        let mut extends = Vec::new();
        if self.eat_kw("EXTENDS") {
            loop {
                extends.push(self.ident("a module name"));
                if !self.eat_op(",") {
                    break;
                }
            }
        }
        self.recover_if_panicking();
        let mut units = Vec::new();
        loop {
            let t = self.raw();
            match t.kind {
                TokKind::Equals => {
                    if level == 0 {
                        self.module_end = Some(t.span.end);
                    }
                    self.bump();
                    break;
                }
                TokKind::Eof => {
                    let d = Diagnostic::error(
                        "TLA_PARSE_MISSING_MODULE_END",
                        name.span,
                        format!("module `{}` is never closed", name.name),
                    )
                    .with_label(t.span, "the file ends here")
                    .with_help("fix_syntax", "end the module with a line of four or more `=`")
                    .with_example("====");
                    self.panicking = false;
                    self.error(d);
                    break;
                }
                _ => {}
            }
            let before = self.pos;
            if let Some(u) = self.unit(level) {
                units.push(u);
            }
            self.recover_if_panicking();
            if self.pos == before {
                self.skip_to_unit_start();
            }
        }
        Some(ast::Module { name, extends, units, span: start.to(self.prev_span()) })
    }

    fn recover_if_panicking(&mut self) {
        if self.panicking {
            let t = self.raw();
            if !(t.line_start && self.is_unit_start(self.pos)) {
                self.skip_to_unit_start();
            }
            self.panicking = false;
        }
    }

    fn unit(&mut self, level: u32) -> Option<Unit> {
        let t = self.raw();
        let start = t.span;
        match t.kind {
            TokKind::Dashes => {
                if self.nth(1).is_kw("MODULE") {
                    if level >= 8 {
                        let d = Diagnostic::error("TLA_PARSE_TOO_DEEP", start, "modules nested too deeply");
                        self.error(d);
                        return None;
                    }
                    return self.module(level + 1).map(Unit::Submodule);
                }
                self.bump();
                return Some(Unit::Skipped(start));
            }
            TokKind::StepLabel => {
                self.skip_proof();
                return Some(Unit::Skipped(start.to(self.prev_span())));
            }
            TokKind::Keyword => return self.keyword_unit(),
            _ => {}
        }
        self.definition(false).map(|d| match d {
            Defined::Op(o) => Unit::OpDef(o),
            Defined::Fun(f) => Unit::FunDef(f),
            Defined::Instance(i) => Unit::Instance(i),
        })
    }

    fn keyword_unit(&mut self) -> Option<Unit> {
        let t = self.raw();
        let start = t.span;
        match t.text.as_str() {
            "VARIABLE" | "VARIABLES" => {
                self.bump();
                let mut names = vec![self.ident("a variable name")];
                while self.eat_op(",") {
                    if self.raw().line_start && self.looks_like_def(self.pos) {
                        // `VARIABLES x, y,` followed by a definition: a trailing comma.
                        self.unexpected("a variable name after `,`");
                        break;
                    }
                    names.push(self.ident("a variable name"));
                }
                Some(Unit::Variables(names))
            }
            "CONSTANT" | "CONSTANTS" => {
                self.bump();
                Some(Unit::Constants(self.const_decls()))
            }
            "RECURSIVE" => {
                self.bump();
                Some(Unit::Recursive(self.const_decls()))
            }
            "LOCAL" => {
                self.bump();
                if self.at_kw("INSTANCE") {
                    return Some(Unit::Instance(self.instance(true, None, Vec::new(), start)));
                }
                self.definition(true).map(|d| match d {
                    Defined::Op(o) => Unit::OpDef(o),
                    Defined::Fun(f) => Unit::FunDef(f),
                    Defined::Instance(i) => Unit::Instance(i),
                })
            }
            "INSTANCE" => Some(Unit::Instance(self.instance(false, None, Vec::new(), start))),
            "ASSUME" | "ASSUMPTION" | "AXIOM" => {
                self.bump();
                let name = self.statement_name();
                let expr = self.expr();
                Some(Unit::Assume { name, expr, span: start.to(self.prev_span()) })
            }
            "THEOREM" | "LEMMA" | "PROPOSITION" | "COROLLARY" => Some(self.theorem()),
            "USE" | "HIDE" | "PROOF" | "BY" | "OBVIOUS" | "OMITTED" => {
                self.bump();
                self.skip_proof();
                Some(Unit::Skipped(start.to(self.prev_span())))
            }
            _ => {
                self.unexpected("a definition or declaration");
                None
            }
        }
    }

    /// `Name ==` before an ASSUME or THEOREM body.
    pub(super) fn statement_name(&mut self) -> Option<Ident> {
        if self.at_kind(TokKind::Ident) && self.nth(1).is_op("==") {
            let id = Self::ident_of(self.bump());
            self.bump();
            return Some(id);
        }
        None
    }

    /// `N, F(_, _), _ ** _, -. _, _ ^+`
    pub(super) fn const_decls(&mut self) -> Vec<ConstDecl> {
        let mut out = Vec::new();
        loop {
            match self.param() {
                Some(p) => out.push(ConstDecl { name: p.name, arity: p.arity }),
                None => break,
            }
            if !self.eat_op(",") {
                break;
            }
        }
        out
    }

    /// One declared name or formal parameter: `x`, `F(_, _)`, `_ + _`, `-. _`, `_ ^+`.
    pub(super) fn param(&mut self) -> Option<OpParam> {
        let t = self.raw();
        if t.kind == TokKind::Ident && t.text == "_" {
            return self.underscore_param();
        }
        if t.kind == TokKind::Op && prec::prefix(&t.text).is_some() && self.nth(1).text == "_" {
            let name = self.prefix_name();
            self.bump();
            return Some(OpParam { name, arity: 1 });
        }
        let name = self.ident("a name");
        if name.name.is_empty() {
            return None;
        }
        let mut arity = 0;
        if self.eat_op("(") {
            loop {
                if self.at_kind(TokKind::Ident) && self.raw().text == "_" {
                    self.bump();
                    arity += 1;
                } else {
                    self.unexpected("`_`");
                    return None;
                }
                if !self.eat_op(",") {
                    break;
                }
            }
            self.expect_op(")");
        }
        Some(OpParam { name, arity })
    }

    fn underscore_param(&mut self) -> Option<OpParam> {
        self.bump();
        let t = self.raw();
        if t.kind == TokKind::Op && prec::is_postfix(&t.text) {
            return Some(OpParam { name: Self::ident_of(self.bump()), arity: 1 });
        }
        if t.kind == TokKind::Op && prec::is_user_infix(&t.text) {
            let name = Self::ident_of(self.bump());
            if self.at_kind(TokKind::Ident) && self.raw().text == "_" {
                self.bump();
                return Some(OpParam { name, arity: 2 });
            }
        }
        self.unexpected("an operator symbol and `_`");
        None
    }

    /// A prefix operator's name as defined: `-` is recorded as unary minus `-.`.
    fn prefix_name(&mut self) -> Ident {
        let t = self.bump();
        let name = if t.text == "-" { "-.".to_string() } else { t.text.clone() };
        Ident { name, span: t.span }
    }

    /// A definition starting at the current token; `LOCAL` was already consumed if `local`.
    pub(super) fn definition(&mut self, local: bool) -> Option<Defined> {
        let start = self.here();
        let t = self.raw();
        let n = self.nth(1);
        if t.kind == TokKind::Op
            && prec::prefix(&t.text).is_some()
            && n.kind == TokKind::Ident
            && self.nth(2).is_op("==")
        {
            let name = self.prefix_name();
            let p = OpParam { name: Self::ident_of(self.bump()), arity: 0 };
            return self.def_body(local, name, OpShape::Prefix, vec![p], start);
        }
        if t.kind != TokKind::Ident {
            self.unexpected("a definition or declaration");
            return None;
        }
        if n.is_op("[") {
            return self.fun_def(local).map(Defined::Fun);
        }
        if n.kind == TokKind::Op && prec::is_postfix(&n.text) && self.nth(2).is_op("==") {
            let p = OpParam { name: Self::ident_of(self.bump()), arity: 0 };
            let name = Self::ident_of(self.bump());
            return self.def_body(local, name, OpShape::Postfix, vec![p], start);
        }
        let after = self.nth(3);
        let infix_head = after.is_op("==") || (after.is_op("=") && n.text != "=");
        if n.kind == TokKind::Op && prec::is_user_infix(&n.text) && self.nth(2).kind == TokKind::Ident && infix_head {
            let a = OpParam { name: Self::ident_of(self.bump()), arity: 0 };
            let name = Self::ident_of(self.bump());
            let b = OpParam { name: Self::ident_of(self.bump()), arity: 0 };
            return self.def_body(local, name, OpShape::Infix, vec![a, b], start);
        }
        let name = Self::ident_of(self.bump());
        let mut params = Vec::new();
        if self.eat_op("(") {
            loop {
                params.push(self.param()?);
                if !self.eat_op(",") {
                    break;
                }
            }
            self.expect_op(")");
        }
        self.def_body(local, name, OpShape::Normal, params, start)
    }

    fn def_body(
        &mut self,
        local: bool,
        name: Ident,
        shape: OpShape,
        params: Vec<OpParam>,
        start: crate::Span,
    ) -> Option<Defined> {
        if !self.eat_op("==") {
            let d = Diagnostic::error(
                "TLA_PARSE_UNEXPECTED_TOKEN",
                self.here(),
                format!("expected `==` after `{}`, found {}", name.name, self.describe()),
            )
            .with_expected("`==`")
            .with_found(self.describe())
            .with_help("fix_syntax", "definitions are written `Name == expression`; `=` alone is equality");
            self.error(d);
            return None;
        }
        if self.at_kw("INSTANCE") && shape == OpShape::Normal {
            return Some(Defined::Instance(self.instance(local, Some(name), params, start)));
        }
        let body = self.expr();
        Some(Defined::Op(OpDef { local, name, shape, params, body, span: start.to(self.prev_span()) }))
    }

    fn fun_def(&mut self, local: bool) -> Option<ast::FunDef> {
        let start = self.here();
        let name = Self::ident_of(self.bump());
        let open = self.here();
        self.bump();
        let bounds = self.bounds(true);
        self.expect_close("]", open);
        if !self.expect_op("==") {
            return None;
        }
        let body = self.expr();
        Some(ast::FunDef { local, name, bounds, body, span: start.to(self.prev_span()) })
    }

    /// `INSTANCE M [WITH a <- e, …]`; the current token is `INSTANCE`.
    pub(super) fn instance(
        &mut self,
        local: bool,
        name: Option<Ident>,
        params: Vec<OpParam>,
        start: crate::Span,
    ) -> InstanceDef {
        self.expect_kw("INSTANCE");
        let module = self.ident("a module name");
        let mut substitutions = Vec::new();
        if self.eat_kw("WITH") {
            loop {
                let t = self.raw();
                let lhs = match t.kind {
                    TokKind::Ident => Self::ident_of(self.bump()),
                    TokKind::Op if t.text != "<-" && t.text != "," => {
                        let t = self.bump();
                        let name = if t.text == "-." { "-.".to_string() } else { t.text.clone() };
                        Ident { name, span: t.span }
                    }
                    _ => {
                        self.unexpected("a substituted name");
                        break;
                    }
                };
                self.expect_op("<-");
                let e = self.expr();
                substitutions.push((lhs, e));
                if !self.eat_op(",") {
                    break;
                }
            }
        }
        InstanceDef { local, name, params, module, substitutions, span: start.to(self.prev_span()) }
    }
}
