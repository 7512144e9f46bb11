//! Lowering of expressions: the core language to IR nodes, operator applications to calls.

use super::resolve::Target;
use super::{LocalKind, Lowerer, ScopeEntry};
use crate::ast::{self, BoundPattern, ExprKind};
use crate::ir::{Binding, BoundVars, Callee, ExceptKey, Expr, ExprId, FairnessKind, Param};
use crate::span::Span;

/// Operators of module `Core`: implemented by the runtime under `("Core", name)`.
const CORE_BUILTINS: &[(&str, usize)] = &[
    ("\\cup", 2),
    ("\\cap", 2),
    ("\\", 2),
    ("\\subseteq", 2),
    ("SUBSET", 1),
    ("UNION", 1),
    ("DOMAIN", 1),
    ("STRING", 0),
];

impl<'a> Lowerer<'a> {
    pub(crate) fn lower_expr(&mut self, e: &ast::Expr) -> ExprId {
        let span = e.span;
        match &e.kind {
            ExprKind::OpApp { op, args } => self.lower_opapp(op, args, span, false),
            ExprKind::Number(digits) => self.lower_number(digits, span),
            ExprKind::Decimal(text) => self.unsupported(span, format!("real number {text} is not supported")),
            ExprKind::String(s) => self.alloc(Expr::Str(s.clone()), span),
            ExprKind::Quantifier { quant, bounds, body } => {
                let mark = self.scope.len();
                let bounds = self.lower_bounds(bounds);
                let body = self.lower_expr(body);
                self.scope.truncate(mark);
                let e = match quant {
                    ast::Quant::Forall => Expr::Forall { bounds, body },
                    ast::Quant::Exists => Expr::Exists { bounds, body },
                };
                self.alloc(e, span)
            }
            ExprKind::TemporalQuantifier { quant, names, body } => {
                let mark = self.scope.len();
                let vars = names.iter().map(|n| self.bind_var(&n.name)).collect();
                let body = self.lower_expr(body);
                self.scope.truncate(mark);
                let e = match quant {
                    ast::Quant::Forall => Expr::TemporalForall { vars, body },
                    ast::Quant::Exists => Expr::TemporalExists { vars, body },
                };
                self.alloc(e, span)
            }
            ExprKind::Choose { bound, body } => {
                let mark = self.scope.len();
                let binding = self.lower_single_bound(bound);
                let body = self.lower_expr(body);
                self.scope.truncate(mark);
                self.alloc(Expr::Choose { binding, body }, span)
            }
            ExprKind::SetFilter { bound, pred } => {
                let mark = self.scope.len();
                let binding = self.lower_single_bound(bound);
                let pred = self.lower_expr(pred);
                self.scope.truncate(mark);
                self.alloc(Expr::SetFilter { binding, pred }, span)
            }
            ExprKind::SetMap { body, bounds } => {
                let mark = self.scope.len();
                let bounds = self.lower_bounds(bounds);
                let body = self.lower_expr(body);
                self.scope.truncate(mark);
                self.alloc(Expr::SetMap { body, bounds }, span)
            }
            ExprKind::FunCons { bounds, body } => {
                let mark = self.scope.len();
                let bounds = self.lower_bounds(bounds);
                let body = self.lower_expr(body);
                self.scope.truncate(mark);
                self.alloc(Expr::FunCons { bounds, body }, span)
            }
            _ => self.lower_constructor(e),
        }
    }

    /// Constructors and the remaining keyword forms.
    fn lower_constructor(&mut self, e: &ast::Expr) -> ExprId {
        let span = e.span;
        let ir = match &e.kind {
            ExprKind::SetEnum(xs) => Expr::SetEnum(self.lower_all(xs)),
            ExprKind::Tuple(xs) => Expr::Tuple(self.lower_all(xs)),
            ExprKind::FunSet { domain, range } => {
                Expr::FunSet { domain: self.lower_expr(domain), range: self.lower_expr(range) }
            }
            ExprKind::RecordCons(fields) => Expr::Record(self.lower_fields(fields)),
            ExprKind::RecordSet(fields) => Expr::RecordSet(self.lower_fields(fields)),
            ExprKind::Except { base, updates } => {
                let base = self.lower_expr(base);
                let updates = updates.iter().map(|u| self.lower_update(u)).collect();
                Expr::Except { base, updates }
            }
            ExprKind::At => Expr::ExceptAt,
            ExprKind::FunApp { fun, args } => {
                let fun = self.lower_expr(fun);
                let arg = self.lower_index(args, span);
                Expr::Apply { fun, arg }
            }
            ExprKind::Field { record, field } => {
                Expr::Field { record: self.lower_expr(record), field: field.name.clone() }
            }
            ExprKind::If { cond, then, els } => {
                Expr::If { cond: self.lower_expr(cond), then: self.lower_expr(then), els: self.lower_expr(els) }
            }
            ExprKind::Case { arms, other } => Expr::Case {
                arms: arms.iter().map(|a| (self.lower_expr(&a.guard), self.lower_expr(&a.body))).collect(),
                other: other.as_ref().map(|o| self.lower_expr(o)),
            },
            ExprKind::Let { defs, body } => return self.lower_let(defs, body, span),
            ExprKind::Lambda { params, body } => self.lower_lambda(params, body),
            ExprKind::BoxAction { action, sub } => {
                Expr::BoxAction { action: self.lower_expr(action), sub: self.lower_expr(sub) }
            }
            ExprKind::AngleAction { action, sub } => {
                Expr::AngleAction { action: self.lower_expr(action), sub: self.lower_expr(sub) }
            }
            ExprKind::Fairness { kind, sub, action } => Expr::Fairness {
                kind: match kind {
                    ast::Fairness::Weak => FairnessKind::Weak,
                    ast::Fairness::Strong => FairnessKind::Strong,
                },
                sub: self.lower_expr(sub),
                action: self.lower_expr(action),
            },
            ExprKind::Label { body, .. } => return self.lower_expr(body),
            // The parser has already reported the syntax error.
            ExprKind::Error => Expr::Unsupported { message: "syntax error".into() },
            _ => Expr::Unsupported { message: "unexpected expression".into() },
        };
        self.alloc(ir, span)
    }

    fn lower_all(&mut self, xs: &[ast::Expr]) -> Vec<ExprId> {
        xs.iter().map(|x| self.lower_expr(x)).collect()
    }

    fn lower_fields(&mut self, fields: &[(ast::Ident, ast::Expr)]) -> Vec<(String, ExprId)> {
        fields.iter().map(|(n, v)| (n.name.clone(), self.lower_expr(v))).collect()
    }

    /// `f[a]` indexes by `a`, `f[a, b]` by the tuple `<<a, b>>`.
    fn lower_index(&mut self, args: &[ast::Expr], span: Span) -> ExprId {
        if args.len() == 1 {
            return self.lower_expr(&args[0]);
        }
        let xs = self.lower_all(args);
        self.alloc(Expr::Tuple(xs), span)
    }

    fn lower_update(&mut self, u: &ast::ExceptUpdate) -> (Vec<ExceptKey>, ExprId) {
        let path = u
            .path
            .iter()
            .map(|k| match k {
                ast::ExceptKey::Index(args) => ExceptKey::Index(self.lower_index(args, u.span)),
                ast::ExceptKey::Field(f) => ExceptKey::Field(f.name.clone()),
            })
            .collect();
        (path, self.lower_expr(&u.value))
    }

    fn lower_lambda(&mut self, params: &[ast::Ident], body: &ast::Expr) -> Expr {
        let mark = self.scope.len();
        let params =
            params.iter().map(|p| Param { local: self.bind_var(&p.name), name: p.name.clone(), arity: 0 }).collect();
        let body = self.lower_expr(body);
        self.scope.truncate(mark);
        Expr::Lambda { params, body }
    }

    fn lower_number(&mut self, digits: &str, span: Span) -> ExprId {
        match digits.parse::<i64>() {
            Ok(n) => self.alloc(Expr::Int(n), span),
            Err(_) => {
                self.error(
                    "TLA_SEMANTIC_INTEGER_TOO_LARGE",
                    span,
                    format!("the number {digits} does not fit in a 64-bit integer"),
                );
                self.unsupported(span, "integer literal too large")
            }
        }
    }

    /// Pushes a fresh bound variable named `name` and returns its id.
    pub(crate) fn bind_var(&mut self, name: &str) -> crate::ir::LocalId {
        let l = self.fresh_local(name);
        self.scope.push(ScopeEntry { name: name.to_string(), kind: LocalKind::Var(l) });
        l
    }

    /// Lowers binder groups; each group's domain is lowered before its names come into scope.
    pub(crate) fn lower_bounds(&mut self, bounds: &[ast::Bound]) -> Vec<Binding> {
        let mut out = Vec::new();
        for b in bounds {
            let domain = b.domain.as_ref().map(|d| self.lower_expr(d));
            match &b.pattern {
                BoundPattern::Names(names) => {
                    for n in names {
                        out.push(Binding { vars: BoundVars::Single(self.bind_var(&n.name)), domain });
                    }
                }
                BoundPattern::Tuple(names) => {
                    let ids = names.iter().map(|n| self.bind_var(&n.name)).collect();
                    out.push(Binding { vars: BoundVars::Tuple(ids), domain });
                }
            }
        }
        out
    }

    fn lower_single_bound(&mut self, b: &ast::Bound) -> Binding {
        let mut bs = self.lower_bounds(std::slice::from_ref(b));
        if bs.len() != 1 {
            self.error("TLA_SEMANTIC_BAD_BINDER", b.span, "this construct binds exactly one name or tuple");
        }
        match bs.is_empty() {
            true => Binding { vars: BoundVars::Tuple(Vec::new()), domain: None },
            false => bs.swap_remove(0),
        }
    }

    /// An operator application: a core operator, or a call of whatever the name resolves to.
    /// `as_arg` is true for arguments of calls, where a bare operator name denotes the operator.
    pub(crate) fn lower_opapp(&mut self, op: &ast::OpRef, args: &[ast::Expr], span: Span, as_arg: bool) -> ExprId {
        if op.path.is_empty() && !self.is_shadowed(&op.name.name) {
            if as_arg && args.is_empty() {
                if let Some(&(name, arity)) = CORE_BUILTINS.iter().find(|(n, a)| *n == op.name.name && *a > 0) {
                    let b = self.builtin("Core", name, arity);
                    return self.alloc(Expr::OpValue(Callee::Builtin(b)), span);
                }
            }
            if let Some(e) = self.lower_core(&op.name, args, span) {
                return e;
            }
        }
        match self.resolve_ref(op, span) {
            Some(t) => self.apply_target(t, &op.name, args, span, as_arg),
            None => {
                let path: Vec<&str> =
                    op.path.iter().map(|s| s.name.name.as_str()).chain([op.name.name.as_str()]).collect();
                self.unsupported(span, format!("unresolved name `{}`", path.join("!")))
            }
        }
    }

    fn is_shadowed(&self, name: &str) -> bool {
        self.scope.iter().any(|e| e.name == name)
    }

    fn apply_target(&mut self, t: Target, name: &ast::Ident, args: &[ast::Expr], span: Span, as_arg: bool) -> ExprId {
        match t {
            Target::Local(l, 0) if args.is_empty() => self.alloc(Expr::Local(l), span),
            Target::Local(l, n) if args.is_empty() && as_arg && n > 0 => {
                self.alloc(Expr::OpValue(Callee::Local(l)), span)
            }
            Target::Local(l, n) => {
                if args.len() != n {
                    self.arity_error(name, n, args.len());
                    return self.unsupported(span, "wrong number of arguments");
                }
                let args = self.lower_args(args);
                self.alloc(Expr::Call { callee: Callee::Local(l), args }, span)
            }
            Target::Call { callee, leading, param_arities } => {
                let n = param_arities.len();
                if args.is_empty() && n > 0 && as_arg {
                    if leading.is_empty() {
                        return self.alloc(Expr::OpValue(callee), span);
                    }
                    return self.partial_application(callee, leading, &param_arities, span);
                }
                if args.len() != n {
                    self.arity_error(name, n, args.len());
                    return self.unsupported(span, "wrong number of arguments");
                }
                let mut all = leading;
                all.extend(self.lower_args(args));
                self.alloc(Expr::Call { callee, args: all }, span)
            }
            Target::Expr(e) if args.is_empty() => e,
            Target::Expr(_) => {
                self.arity_error(name, 0, args.len());
                self.unsupported(span, "wrong number of arguments")
            }
        }
    }

    /// `I(a)!Op` passed as an operator: `LAMBDA x, y : I!Op(a, x, y)`, since an operator value
    /// cannot carry the instance arguments.
    fn partial_application(&mut self, callee: Callee, leading: Vec<ExprId>, arities: &[usize], span: Span) -> ExprId {
        let mut args = leading;
        let mut params = Vec::new();
        for (i, &arity) in arities.iter().enumerate() {
            let name = format!("_{i}");
            let local = self.fresh_local(&name);
            let arg = if arity > 0 { Expr::OpValue(Callee::Local(local)) } else { Expr::Local(local) };
            args.push(self.alloc(arg, span));
            params.push(Param { local, name, arity });
        }
        let body = self.alloc(Expr::Call { callee, args }, span);
        self.alloc(Expr::Lambda { params, body }, span)
    }

    fn lower_args(&mut self, args: &[ast::Expr]) -> Vec<ExprId> {
        args.iter()
            .map(|a| match &a.kind {
                ExprKind::OpApp { op, args } if args.is_empty() => self.lower_opapp(op, args, a.span, true),
                _ => self.lower_expr(a),
            })
            .collect()
    }

    /// The built-in operators of TLA+ itself; `None` when `name` is not one of them.
    fn lower_core(&mut self, id: &ast::Ident, args: &[ast::Expr], span: Span) -> Option<ExprId> {
        let name = id.name.as_str();
        let e = match (name, args.len()) {
            ("TRUE", 0) => Expr::Bool(true),
            ("FALSE", 0) => Expr::Bool(false),
            ("BOOLEAN", 0) => {
                let f = self.alloc(Expr::Bool(false), span);
                let t = self.alloc(Expr::Bool(true), span);
                Expr::SetEnum(vec![f, t])
            }
            ("/\\", _) | ("\\/", _) => {
                let mut out = Vec::new();
                self.flatten(name, args, &mut out);
                if name == "/\\" {
                    Expr::And(out)
                } else {
                    Expr::Or(out)
                }
            }
            ("~", 1) => Expr::Not(self.lower_expr(&args[0])),
            ("=>", 2) => Expr::Implies(self.lower_expr(&args[0]), self.lower_expr(&args[1])),
            ("<=>", 2) => Expr::Equiv(self.lower_expr(&args[0]), self.lower_expr(&args[1])),
            ("=", 2) => Expr::Eq(self.lower_expr(&args[0]), self.lower_expr(&args[1])),
            ("\\in", 2) => Expr::In(self.lower_expr(&args[0]), self.lower_expr(&args[1])),
            ("/=", 2) => {
                let eq = Expr::Eq(self.lower_expr(&args[0]), self.lower_expr(&args[1]));
                Expr::Not(self.alloc(eq, span))
            }
            ("\\notin", 2) => {
                let inn = Expr::In(self.lower_expr(&args[0]), self.lower_expr(&args[1]));
                Expr::Not(self.alloc(inn, span))
            }
            ("'", 1) => Expr::Prime(self.lower_expr(&args[0])),
            ("UNCHANGED", 1) => Expr::Unchanged(self.lower_expr(&args[0])),
            ("ENABLED", 1) => Expr::Enabled(self.lower_expr(&args[0])),
            ("\\cdot", 2) => Expr::Compose(self.lower_expr(&args[0]), self.lower_expr(&args[1])),
            ("[]", 1) => Expr::Always(self.lower_expr(&args[0])),
            ("<>", 1) => Expr::Eventually(self.lower_expr(&args[0])),
            ("~>", 2) => Expr::LeadsTo(self.lower_expr(&args[0]), self.lower_expr(&args[1])),
            ("-+->", 2) => Expr::WhilePlus(self.lower_expr(&args[0]), self.lower_expr(&args[1])),
            // The parser already makes `A \X B \X C` one ternary product and keeps
            // `(A \X B) \X C` nested, so the operands are taken as they are.
            ("\\X", n) if n >= 2 => {
                let id = self.builtin("Core", "\\X", n);
                Expr::Call { callee: Callee::Builtin(id), args: self.lower_all(args) }
            }
            _ => return self.lower_core_builtin(id, args, span),
        };
        Some(self.alloc(e, span))
    }

    fn lower_core_builtin(&mut self, id: &ast::Ident, args: &[ast::Expr], span: Span) -> Option<ExprId> {
        let &(name, arity) = CORE_BUILTINS.iter().find(|(n, _)| *n == id.name)?;
        if args.len() != arity {
            self.arity_error(id, arity, args.len());
            return Some(self.unsupported(span, "wrong number of arguments"));
        }
        let b = self.builtin("Core", name, arity);
        let args = self.lower_all(args);
        Some(self.alloc(Expr::Call { callee: Callee::Builtin(b), args }, span))
    }

    /// Collects the operands of nested `/\` (or `\/`) into one list.
    fn flatten(&mut self, op: &str, args: &[ast::Expr], out: &mut Vec<ExprId>) {
        for a in args {
            match &a.kind {
                ExprKind::OpApp { op: r, args: inner }
                    if r.path.is_empty() && r.name.name == op && !inner.is_empty() =>
                {
                    self.flatten(op, inner, out)
                }
                _ => out.push(self.lower_expr(a)),
            }
        }
    }
}
