//! Bracketed forms: `[…]` (functions, records, EXCEPT, `[A]_v`), `{…}` (sets), `<<…>>` (tuples,
//! `<<A>>_v`), binder groups and action subscripts.

use super::Parser;
use crate::ast::{Bound, BoundPattern, ExceptKey, ExceptUpdate, Expr, ExprKind, Ident, OpRef, PathSeg};
use crate::lexer::TokKind;

impl<'t> Parser<'t> {
    /// Binder groups `x, y \in S, <<a, b>> \in T`; without `require_domain`, `x, y` alone is
    /// accepted too (unbounded quantifiers).
    pub(super) fn bounds(&mut self, require_domain: bool) -> Vec<Bound> {
        let mut out = Vec::new();
        loop {
            let start = self.here();
            let pattern = self.bound_pattern(false);
            let domain = if self.eat_op("\\in") {
                Some(self.expr())
            } else {
                if require_domain {
                    self.unexpected("`\\in`");
                }
                None
            };
            out.push(Bound { pattern, domain, span: start.to(self.prev_span()) });
            if self.panicking || !self.eat_op(",") {
                return out;
            }
        }
    }

    /// `x`, `x, y` (unless `single`), or `<<a, b>>`.
    pub(super) fn bound_pattern(&mut self, single: bool) -> BoundPattern {
        if self.at_op("<<") {
            let open = self.here();
            self.bump();
            let names = self.in_brackets(|p| p.name_list());
            self.expect_close(">>", open);
            return BoundPattern::Tuple(names);
        }
        if single {
            return BoundPattern::Names(vec![self.ident("a bound name")]);
        }
        BoundPattern::Names(self.name_list())
    }

    /// `[x \in S |-> e]`, `[a |-> e]`, `[a : S]`, `[S -> T]`, `[f EXCEPT …]` or `[A]_v`.
    pub(super) fn bracket(&mut self) -> Expr {
        let open = self.here();
        self.bump();
        self.scopes.push(None);
        let t = self.raw();
        let n = self.nth(1);
        let kind = if t.kind == TokKind::Ident && n.is_op("|->") {
            ExprKind::RecordCons(self.fields("|->"))
        } else if t.kind == TokKind::Ident && n.is_op(":") {
            ExprKind::RecordSet(self.fields(":"))
        } else if let Some(bounds) = self.try_fun_cons() {
            let body = self.expr();
            ExprKind::FunCons { bounds, body: Box::new(body) }
        } else {
            let e = self.expr();
            if self.eat_op("->") {
                let range = self.expr();
                ExprKind::FunSet { domain: Box::new(e), range: Box::new(range) }
            } else if self.eat_kw("EXCEPT") {
                ExprKind::Except { base: Box::new(e), updates: self.except_updates() }
            } else if self.at_op("]_") {
                self.bump();
                self.scopes.pop();
                let sub = self.subscript();
                let span = open.to(sub.span);
                return Expr { kind: ExprKind::BoxAction { action: Box::new(e), sub: Box::new(sub) }, span };
            } else {
                self.unexpected("`|->`, `->`, `EXCEPT` or `]_`");
                ExprKind::Error
            }
        };
        self.expect_close("]", open);
        self.scopes.pop();
        Expr { kind, span: open.to(self.prev_span()) }
    }

    /// `a |-> e, b |-> f` or `a : S, b : T`.
    fn fields(&mut self, sep: &str) -> Vec<(Ident, Expr)> {
        let mut out = Vec::new();
        loop {
            let name = self.ident("a field name");
            self.expect_op(sep);
            let e = self.expr();
            out.push((name, e));
            if self.panicking || !self.eat_op(",") {
                return out;
            }
        }
    }

    /// Parses `bounds |->` if that is what follows, otherwise rewinds and returns `None`.
    fn try_fun_cons(&mut self) -> Option<Vec<Bound>> {
        let t = self.raw();
        let n = self.nth(1);
        let plausible = (t.kind == TokKind::Ident && (n.is_op("\\in") || n.is_op(","))) || t.is_op("<<");
        if !plausible || self.panicking {
            return None;
        }
        let (pos, ndiags) = (self.pos, self.diags.len());
        let bounds = self.bounds(true);
        if !self.panicking && self.eat_op("|->") {
            return Some(bounds);
        }
        self.pos = pos;
        self.diags.truncate(ndiags);
        self.panicking = false;
        None
    }

    /// `![a][b].c = e, !.d = f` after `EXCEPT`.
    fn except_updates(&mut self) -> Vec<ExceptUpdate> {
        let mut out = Vec::new();
        loop {
            let start = self.here();
            if !self.expect_op("!") {
                return out;
            }
            let mut path = Vec::new();
            loop {
                if self.at_op("[") {
                    let open = self.here();
                    self.bump();
                    let args = self.in_brackets(|p| p.expr_list());
                    self.expect_close("]", open);
                    path.push(ExceptKey::Index(args));
                } else if self.eat_op(".") {
                    path.push(ExceptKey::Field(self.field_name()));
                } else {
                    break;
                }
            }
            if path.is_empty() {
                self.unexpected("`[` or `.` after `!`");
                return out;
            }
            self.expect_op("=");
            let value = self.expr();
            out.push(ExceptUpdate { path, span: start.to(value.span), value });
            if self.panicking || !self.eat_op(",") {
                return out;
            }
        }
    }

    fn field_name(&mut self) -> Ident {
        if self.at_kind(TokKind::Keyword) {
            return Self::ident_of(self.bump());
        }
        self.ident("a field name")
    }

    /// `{}`, `{a, b}`, `{x \in S : P}` or `{e : x \in S}`.
    pub(super) fn braces(&mut self) -> Expr {
        let open = self.here();
        self.bump();
        self.scopes.push(None);
        let kind = if self.at_op("}") {
            ExprKind::SetEnum(Vec::new())
        } else {
            let first = self.expr();
            if self.eat_op(":") {
                match filter_bound(&first) {
                    Some(bound) => ExprKind::SetFilter { bound: Box::new(bound), pred: Box::new(self.expr()) },
                    None => ExprKind::SetMap { body: Box::new(first), bounds: self.bounds(true) },
                }
            } else {
                let mut items = vec![first];
                while self.eat_op(",") {
                    items.push(self.expr());
                }
                ExprKind::SetEnum(items)
            }
        };
        self.expect_close("}", open);
        self.scopes.pop();
        Expr { kind, span: open.to(self.prev_span()) }
    }

    /// `<<a, b>>`, `<<>>` or the action `<<A>>_v`.
    pub(super) fn tuple(&mut self) -> Expr {
        let open = self.here();
        self.bump();
        self.scopes.push(None);
        let items = if self.at_op(">>") || self.at_op(">>_") { Vec::new() } else { self.expr_list() };
        if self.at_op(">>_") {
            self.bump();
            self.scopes.pop();
            let sub = self.subscript();
            let span = open.to(sub.span);
            let action = match <[Expr; 1]>::try_from(items) {
                Ok([a]) => a,
                Err(items) => Expr { kind: ExprKind::Tuple(items), span },
            };
            return Expr { kind: ExprKind::AngleAction { action: Box::new(action), sub: Box::new(sub) }, span };
        }
        self.expect_close(">>", open);
        self.scopes.pop();
        Expr { kind: ExprKind::Tuple(items), span: open.to(self.prev_span()) }
    }

    /// The `v` of `[A]_v`, `<<A>>_v`, `WF_v(A)`: a name (`vars`, `I!vars`), a tuple or a
    /// parenthesized expression.
    pub(super) fn subscript(&mut self) -> Expr {
        let t = self.raw();
        if t.kind == TokKind::Ident {
            let start = t.span;
            let mut path = Vec::new();
            let mut name = Self::ident_of(self.bump());
            while self.raw().is_op("!") && self.nth(1).kind == TokKind::Ident {
                self.bump();
                path.push(PathSeg { name, args: Vec::new() });
                name = Self::ident_of(self.bump());
            }
            let span = start.to(name.span);
            return Expr { kind: ExprKind::OpApp { op: OpRef { path, name }, args: Vec::new() }, span };
        }
        if t.is_op("<<") {
            return self.tuple();
        }
        if t.is_op("(") {
            self.bump();
            let e = self.in_brackets(|p| p.expr());
            self.expect_close(")", t.span);
            return e;
        }
        self.missing_expression()
    }
}

/// The bound of `{x \in S : P}` or `{<<a, b>> \in S : P}` when `first` has that shape.
fn filter_bound(first: &Expr) -> Option<Bound> {
    let ExprKind::OpApp { op, args } = &first.kind else { return None };
    if op.name.name != "\\in" || !op.path.is_empty() || args.len() != 2 {
        return None;
    }
    let pattern = match &args[0].kind {
        ExprKind::Tuple(items) => BoundPattern::Tuple(items.iter().map(bare_name).collect::<Option<Vec<_>>>()?),
        _ => BoundPattern::Names(vec![bare_name(&args[0])?]),
    };
    Some(Bound { pattern, domain: Some(args[1].clone()), span: first.span })
}

fn bare_name(e: &Expr) -> Option<Ident> {
    match &e.kind {
        ExprKind::OpApp { op, args } if args.is_empty() && op.path.is_empty() => Some(op.name.clone()),
        _ => None,
    }
}
