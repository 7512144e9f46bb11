//! Expressions: precedence-range parsing of infix/prefix/postfix operators, primaries, keyword
//! forms (IF, CASE, LET, quantifiers, CHOOSE, LAMBDA, fairness) and bulleted junction lists.

use super::prec::{self, Prec};
use super::{Junction, Parser};
use crate::ast::{self, Expr, ExprKind, Ident, OpRef, PathSeg, Quant};
use crate::diagnostics::Diagnostic;
use crate::lexer::TokKind;
use crate::span::Span;

/// Longest chain of infix or postfix operators at one level (`a + b + …`, `f[1][2]…`).
const MAX_CHAIN: u32 = 1000;

pub(super) fn app(name: &str, span: Span, name_span: Span, args: Vec<Expr>) -> Expr {
    let op = OpRef { path: Vec::new(), name: Ident { name: name.to_string(), span: name_span } };
    Expr { kind: ExprKind::OpApp { op, args }, span }
}

impl<'t> Parser<'t> {
    /// A whole expression, extending as far as possible.
    pub(super) fn expr(&mut self) -> Expr {
        self.binary(None)
    }

    /// Operands joined by infix operators that bind tighter than `enclosing`.
    fn binary(&mut self, enclosing: Option<Prec>) -> Expr {
        let mut lhs = self.unary();
        let mut last: Option<(&'t str, Prec)> = None;
        let mut chain = 0u32;
        loop {
            if self.offside() {
                break;
            }
            chain += 1;
            if chain > MAX_CHAIN {
                self.chain_too_long();
                break;
            }
            let t = self.raw();
            let Some(pr) = (if t.kind == TokKind::Op { prec::infix(&t.text) } else { None }) else { break };
            if enclosing.is_some_and(|e| pr.lo <= e.hi) {
                break;
            }
            if let Some((name, lp)) = last {
                let grouped = pr.hi < lp.lo || (name == t.text && pr.left_assoc);
                if !grouped {
                    self.precedence_conflict(name, t.span);
                }
            }
            self.bump();
            let rhs = self.binary(Some(pr));
            let span = lhs.span.to(rhs.span);
            let flatten = t.text == "\\X" && last.is_some_and(|(n, _)| n == "\\X");
            lhs = match lhs.kind {
                ExprKind::OpApp { op, mut args } if flatten => {
                    args.push(rhs);
                    Expr { kind: ExprKind::OpApp { op, args }, span }
                }
                kind => app(&t.text, span, t.span, vec![Expr { kind, span: lhs.span }, rhs]),
            };
            last = Some((t.text.as_str(), pr));
        }
        lhs
    }

    fn precedence_conflict(&mut self, left: &str, at: Span) {
        let t = self.raw();
        let right = &t.text;
        if t.line_start && (right == "/\\" || right == "\\/") {
            let d = Diagnostic::error("TLA_PARSE_BAD_JUNCTION_ALIGNMENT", at, format!("this `{right}` starts a line but continues no bulleted list, and as an infix operator it conflicts with `{left}`"))
                .with_help("fix_syntax", "start the list with a bullet in the same column as this one, or add parentheses");
            return self.error(d);
        }
        let msg = if left == right {
            format!("`{right}` cannot be chained: `a {right} b {right} c` is ambiguous")
        } else {
            format!("`{left}` and `{right}` have overlapping precedence and cannot be mixed without parentheses")
        };
        let d = Diagnostic::error("TLA_PARSE_PRECEDENCE_CONFLICT", at, msg)
            .with_help("add_parentheses", "add parentheses to say which operator applies first")
            .with_example(format!("(a {left} b) {right} c"));
        self.error(d);
    }

    fn unary(&mut self) -> Expr {
        let err = Expr { kind: ExprKind::Error, span: self.here() };
        self.nested(err, |p| p.unary_inner())
    }

    fn unary_inner(&mut self) -> Expr {
        let t = self.raw();
        if !self.offside() && (t.is_op("/\\") || t.is_op("\\/")) {
            return self.bullet_list();
        }
        let is_prefix = match t.kind {
            TokKind::Op => prec::prefix(&t.text).is_some() && !t.is_op("-."),
            TokKind::Keyword => prec::prefix(&t.text).is_some(),
            _ => false,
        };
        if is_prefix && !self.offside() {
            self.bump();
            let pr = prec::prefix(&t.text).unwrap_or(Prec { lo: 15, hi: 15, left_assoc: false });
            // A prefix operator takes every following infix operator that binds tighter than
            // its lowest precedence: `~a = b` is `~(a = b)`, `-a + b` is `(-a) + b`.
            let operand = self.binary(Some(Prec { lo: pr.lo, hi: pr.lo, left_assoc: false }));
            let name = if t.text == "-" { "-." } else { t.text.as_str() };
            return app(name, t.span.to(operand.span), t.span, vec![operand]);
        }
        let e = self.primary();
        self.postfix(e)
    }

    /// Function application, record fields and postfix operators after a primary.
    fn postfix(&mut self, mut e: Expr) -> Expr {
        for _ in 0..MAX_CHAIN {
            if self.offside() {
                return e;
            }
            let t = self.raw();
            if t.is_op("[") {
                let open = t.span;
                self.bump();
                let args = self.in_brackets(|p| p.expr_list());
                self.expect_close("]", open);
                let span = e.span.to(self.prev_span());
                e = Expr { kind: ExprKind::FunApp { fun: Box::new(e), args }, span };
            } else if t.is_op(".") && matches!(self.nth(1).kind, TokKind::Ident | TokKind::Keyword) {
                self.bump();
                let field = Self::ident_of(self.bump());
                let span = e.span.to(field.span);
                e = Expr { kind: ExprKind::Field { record: Box::new(e), field }, span };
            } else if t.kind == TokKind::Op && prec::is_postfix(&t.text) {
                self.bump();
                let span = e.span.to(t.span);
                e = app(&t.text, span, t.span, vec![e]);
            } else {
                return e;
            }
        }
        self.chain_too_long();
        e
    }

    /// Each operator of a chain nests the tree one level deeper, which later passes recurse on.
    fn chain_too_long(&mut self) {
        let d = Diagnostic::error(
            "TLA_PARSE_TOO_DEEP",
            self.here(),
            format!("more than {MAX_CHAIN} operators in one chain"),
        )
        .with_help("restructure", "split this expression into several definitions");
        self.error(d);
        self.skip_to_unit_start();
    }

    /// Runs `f` with outer bulleted lists suspended, as inside any bracket.
    pub(super) fn in_brackets<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        self.scopes.push(None);
        let r = f(self);
        self.scopes.pop();
        r
    }

    /// `e1, e2, …` (at least one).
    pub(super) fn expr_list(&mut self) -> Vec<Expr> {
        let mut out = vec![self.expr()];
        while self.eat_op(",") {
            out.push(self.expr());
        }
        out
    }

    pub(super) fn missing_expression(&mut self) -> Expr {
        let span = self.here();
        let found = self.describe();
        let d =
            Diagnostic::error("TLA_PARSE_MISSING_EXPRESSION", span, format!("expected an expression, found {found}"))
                .with_expected("an expression")
                .with_found(found);
        self.error(d);
        Expr { kind: ExprKind::Error, span }
    }

    fn primary(&mut self) -> Expr {
        if self.offside() {
            return self.missing_expression();
        }
        let t = self.raw();
        if t.line_start && self.looks_like_def(self.pos) {
            // The next definition, not an operand: the expression before it is incomplete.
            return self.missing_expression();
        }
        let lit = |kind: ExprKind| Expr { kind, span: t.span };
        match t.kind {
            TokKind::Ident => return self.name_expr(),
            TokKind::Number => {
                self.bump();
                return lit(ExprKind::Number(t.text.clone()));
            }
            TokKind::Decimal => {
                self.bump();
                return lit(ExprKind::Decimal(t.text.clone()));
            }
            TokKind::Str => {
                self.bump();
                return lit(ExprKind::String(t.text.clone()));
            }
            TokKind::Keyword => return self.keyword_expr(),
            TokKind::Op => {}
            _ => return self.missing_expression(),
        }
        let n = self.nth(1);
        if (prec::infix(&t.text).is_some() || prec::prefix(&t.text).is_some()) && (n.is_op(",") || n.is_op(")")) {
            // An operator passed as an argument, as in `FoldFunction(+, 0, f)`.
            self.bump();
            return app(&t.text, t.span, t.span, Vec::new());
        }
        match t.text.as_str() {
            "(" => {
                self.bump();
                let e = self.in_brackets(|p| p.expr());
                self.expect_close(")", t.span);
                e
            }
            "[" => self.bracket(),
            "{" => self.braces(),
            "<<" => self.tuple(),
            "@" => {
                self.bump();
                lit(ExprKind::At)
            }
            "\\A" | "\\E" => self.quantifier(),
            "\\AA" | "\\EE" => self.temporal_quantifier(),
            _ => self.missing_expression(),
        }
    }

    fn keyword_expr(&mut self) -> Expr {
        let t = self.raw();
        match t.text.as_str() {
            "IF" => self.if_expr(),
            "CASE" => self.case_expr(),
            "LET" => self.let_expr(),
            "CHOOSE" => self.choose(),
            "LAMBDA" => self.lambda(),
            "WF_" | "SF_" => self.fairness(),
            _ => self.missing_expression(),
        }
    }

    /// `Op`, `Op(a, b)`, `I!Op`, `I(1)!J!Op(2)`, or a label `lbl:: e`.
    fn name_expr(&mut self) -> Expr {
        let start = self.here();
        let mut path = Vec::new();
        loop {
            let name = Self::ident_of(self.bump());
            let args = if self.at_op("(") { self.call_args() } else { Vec::new() };
            if self.at_op("!") && self.nth(1).kind == TokKind::Ident {
                self.bump();
                path.push(PathSeg { name, args });
                continue;
            }
            if self.at_op("!") && is_selector(self.nth(1)) {
                // A positional subexpression name such as `Inv!2` or `Q!:`.
                self.bump();
                path.push(PathSeg { name, args });
                let sel = self.bump();
                let op = OpRef { path, name: Self::ident_of(sel) };
                return Expr { kind: ExprKind::OpApp { op, args: Vec::new() }, span: start.to(sel.span) };
            }
            if path.is_empty() && self.at_op("::") {
                self.bump();
                let body = self.expr();
                let span = start.to(body.span);
                return Expr { kind: ExprKind::Label { name, body: Box::new(body) }, span };
            }
            let op = OpRef { path, name };
            return Expr { kind: ExprKind::OpApp { op, args }, span: start.to(self.prev_span()) };
        }
    }

    fn call_args(&mut self) -> Vec<Expr> {
        let open = self.here();
        self.bump();
        let args = self.in_brackets(|p| p.expr_list());
        self.expect_close(")", open);
        args
    }

    fn if_expr(&mut self) -> Expr {
        let start = self.here();
        self.bump();
        let cond = self.expr();
        self.expect_kw("THEN");
        let then = self.expr();
        self.expect_kw("ELSE");
        let els = self.expr();
        let span = start.to(els.span);
        Expr { kind: ExprKind::If { cond: Box::new(cond), then: Box::new(then), els: Box::new(els) }, span }
    }

    fn case_expr(&mut self) -> Expr {
        let start = self.here();
        self.bump();
        let mut arms = Vec::new();
        let mut other = None;
        loop {
            if self.eat_kw("OTHER") {
                self.expect_op("->");
                other = Some(Box::new(self.expr()));
                break;
            }
            let guard = self.expr();
            self.expect_op("->");
            let body = self.expr();
            arms.push(ast::CaseArm { guard, body });
            if !self.eat_op("[]") {
                break;
            }
        }
        Expr { kind: ExprKind::Case { arms, other }, span: start.to(self.prev_span()) }
    }

    fn let_expr(&mut self) -> Expr {
        let start = self.here();
        self.bump();
        let mut defs = Vec::new();
        while !self.at_kw("IN") && !self.at_eof() && !self.panicking {
            if !self.at_kw("RECURSIVE") && !self.looks_like_def(self.pos) {
                break;
            }
            if self.eat_kw("RECURSIVE") {
                defs.push(ast::LetDef::Recursive(self.const_decls()));
                continue;
            }
            match self.definition(false) {
                Some(super::units::Defined::Op(o)) => defs.push(ast::LetDef::Op(o)),
                Some(super::units::Defined::Fun(f)) => defs.push(ast::LetDef::Fun(f)),
                Some(super::units::Defined::Instance(i)) => defs.push(ast::LetDef::Instance(i)),
                None => break,
            }
        }
        if defs.is_empty() && !self.panicking {
            self.unexpected("a definition after LET");
        }
        self.expect_kw("IN");
        let body = self.expr();
        let span = start.to(body.span);
        Expr { kind: ExprKind::Let { defs, body: Box::new(body) }, span }
    }

    fn quantifier(&mut self) -> Expr {
        let start = self.here();
        let quant = if self.bump().text == "\\A" { Quant::Forall } else { Quant::Exists };
        let bounds = self.bounds(false);
        self.expect_op(":");
        let body = self.expr();
        let span = start.to(body.span);
        Expr { kind: ExprKind::Quantifier { quant, bounds, body: Box::new(body) }, span }
    }

    fn temporal_quantifier(&mut self) -> Expr {
        let start = self.here();
        let quant = if self.bump().text == "\\AA" { Quant::Forall } else { Quant::Exists };
        let names = self.name_list();
        self.expect_op(":");
        let body = self.expr();
        let span = start.to(body.span);
        Expr { kind: ExprKind::TemporalQuantifier { quant, names, body: Box::new(body) }, span }
    }

    pub(super) fn name_list(&mut self) -> Vec<Ident> {
        let mut names = vec![self.ident("a name")];
        while self.at_op(",") && self.nth(1).kind == TokKind::Ident {
            self.bump();
            names.push(Self::ident_of(self.bump()));
        }
        names
    }

    fn choose(&mut self) -> Expr {
        let start = self.here();
        self.bump();
        let b_start = self.here();
        let pattern = self.bound_pattern(true);
        let domain = if self.eat_op("\\in") { Some(self.expr()) } else { None };
        let bound = ast::Bound { pattern, domain, span: b_start.to(self.prev_span()) };
        self.expect_op(":");
        let body = self.expr();
        let span = start.to(body.span);
        Expr { kind: ExprKind::Choose { bound: Box::new(bound), body: Box::new(body) }, span }
    }

    fn lambda(&mut self) -> Expr {
        let start = self.here();
        self.bump();
        let params = self.name_list();
        self.expect_op(":");
        let body = self.expr();
        let span = start.to(body.span);
        Expr { kind: ExprKind::Lambda { params, body: Box::new(body) }, span }
    }

    /// `WF_v(A)`, `SF_<<x, y>>(A)`.
    fn fairness(&mut self) -> Expr {
        let start = self.here();
        let kind = if self.bump().text == "WF_" { ast::Fairness::Weak } else { ast::Fairness::Strong };
        let sub = self.subscript();
        let open = self.here();
        let action = if self.expect_op("(") {
            let a = self.in_brackets(|p| p.expr());
            self.expect_close(")", open);
            a
        } else {
            Expr { kind: ExprKind::Error, span: open }
        };
        let span = start.to(self.prev_span());
        Expr { kind: ExprKind::Fairness { kind, sub: Box::new(sub), action: Box::new(action) }, span }
    }

    /// A bulleted list: one `OpApp` of `/\` or `\/` with an argument per bullet.
    fn bullet_list(&mut self) -> Expr {
        let first = self.raw();
        let bullet = if first.text == "/\\" { "/\\" } else { "\\/" };
        let col = first.col;
        let mut items = Vec::new();
        loop {
            self.bump();
            self.scopes.push(Some(Junction { col }));
            let item = self.expr();
            self.scopes.pop();
            items.push(item);
            let n = self.raw();
            if n.is_op(bullet) && n.col == col && !self.offside() {
                continue;
            }
            break;
        }
        let span = first.span.to(self.prev_span());
        app(bullet, span, first.span, items)
    }
}

/// Tokens that may follow `!` in a positional subexpression name (`Op!1`, `Op!:`, `Op!<<`).
fn is_selector(t: &crate::lexer::Token) -> bool {
    t.kind == TokKind::Number || (t.kind == TokKind::Op && matches!(t.text.as_str(), ":" | "<<" | ">>" | "@"))
}
