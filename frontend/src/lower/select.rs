//! Subexpression names: `Inv!2` (the second conjunct of `Inv`), `Thm!:` (the statement of a
//! theorem), `Op(a)!lbl` (the expression labelled `lbl` in `Op`'s body).

use super::names::{innermost, Sym};
use super::resolve::Target;
use super::{Ctx, LocalKind, Lowerer, ScopeEntry};
use crate::ast::{self, ExprKind, Unit};
use crate::ir::ExprId;
use crate::span::Span;

impl<'a> Lowerer<'a> {
    /// If `op`'s first path segment names a definition (not an instance), the whole path is a
    /// subexpression name; returns its lowered expression. `None` means "not a selector".
    pub(crate) fn try_selector(&mut self, op: &ast::OpRef, span: Span) -> Option<Option<Target>> {
        let first = op.path.first()?;
        if self.scope.iter().any(|e| e.name == first.name.name) {
            return None;
        }
        let sym = self.spaces[self.cur.module].all.get(&first.name.name)?.clone();
        if !matches!(innermost(&sym), Sym::Def { .. }) {
            return None;
        }
        let frame = self.def_frame(self.cur, &sym);
        let selectors: Vec<&ast::Ident> = op.path[1..].iter().map(|s| &s.name).chain([&op.name]).collect();
        Some(self.lower_selector(frame, innermost(&sym).clone(), first, &selectors, span))
    }

    /// Lowers the subexpression `selectors` of the definition `sym` (called with `first`'s
    /// arguments), in the definition's own module and in instance frame `frame`.
    pub(crate) fn lower_selector(
        &mut self,
        frame: Option<super::FrameId>,
        sym: Sym,
        first: &ast::PathSeg,
        selectors: &[&ast::Ident],
        span: Span,
    ) -> Option<Target> {
        let Sym::Def { module, unit } = sym else { return None };
        let modules = self.modules;
        let (params, body): (&[ast::OpParam], &ast::Expr) = match modules[module].units.get(unit)? {
            Unit::OpDef(d) => (&d.params, &d.body),
            Unit::Theorem { expr: Some(e), .. } | Unit::Assume { expr: e, .. } => (&[], e),
            _ => return None,
        };
        if params.len() != first.args.len() {
            self.arity_error(&first.name, params.len(), first.args.len());
            return None;
        }
        if self.subst_depth >= super::resolve::MAX_SUBST_DEPTH {
            let msg = format!("the subexpression `{}` of `{}` refers to itself", join(selectors), first.name.name);
            self.error("TLA_SEMANTIC_CIRCULAR_SUBSTITUTION", span, msg);
            return None;
        }
        let Some(target) = select(body, selectors) else {
            let msg = format!("cannot find the subexpression `{}` of `{}`", join(selectors), first.name.name);
            self.error("TLA_SEMANTIC_UNSUPPORTED_SUBEXPRESSION", span, msg);
            return None;
        };
        let args: Vec<ExprId> = first.args.iter().map(|a| self.lower_expr(a)).collect();
        let scope: Vec<ScopeEntry> = params
            .iter()
            .zip(args)
            .map(|(p, a)| ScopeEntry { name: p.name.name.clone(), kind: LocalKind::Expr(a) })
            .collect();
        let ctx = self.canon(Ctx { module, frame });
        let saved_ctx = std::mem::replace(&mut self.cur, ctx);
        let saved_scope = std::mem::replace(&mut self.scope, scope);
        self.subst_depth += 1;
        let e = self.lower_expr(target);
        self.subst_depth -= 1;
        self.cur = saved_ctx;
        self.scope = saved_scope;
        Some(Target::Expr(e))
    }

    /// The frame a symbol of `ctx` is lowered in (entering unnamed instances).
    fn def_frame(&mut self, mut ctx: Ctx, sym: &Sym) -> Option<super::FrameId> {
        let mut s = sym;
        while let Sym::Via { module, unit, sym } = s {
            let f = self.instance_frame(ctx, *module, *unit)?;
            ctx = Ctx { module: self.frames[f].module, frame: Some(f) };
            s = sym;
        }
        ctx.frame
    }
}

fn join(sel: &[&ast::Ident]) -> String {
    sel.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join("!")
}

/// Follows the selectors from `e`; `None` if one does not apply.
fn select<'e>(mut e: &'e ast::Expr, selectors: &[&ast::Ident]) -> Option<&'e ast::Expr> {
    for s in selectors {
        e = match s.name.as_str() {
            ":" => e,
            n if n.chars().all(|c| c.is_ascii_digit()) => nth_operand(e, n.parse().ok()?)?,
            "<<" | ">>" | "@" => return None,
            label => find_label(e, label)?,
        };
    }
    Some(e)
}

/// The `n`-th (1-based) operand of an operator application or keyword form.
fn nth_operand(e: &ast::Expr, n: usize) -> Option<&ast::Expr> {
    let i = n.checked_sub(1)?;
    match &e.kind {
        ExprKind::Label { body, .. } => nth_operand(body, n),
        ExprKind::OpApp { args, .. } => args.get(i),
        ExprKind::Tuple(xs) | ExprKind::SetEnum(xs) => xs.get(i),
        ExprKind::If { cond, then, els } => [cond, then, els].get(i).map(|b| &***b),
        _ => None,
    }
}

/// The body of the label `name` inside `e`, searching operands of operator applications and
/// keyword forms that bind nothing (a label under a binder would leave its variables free).
fn find_label<'e>(e: &'e ast::Expr, name: &str) -> Option<&'e ast::Expr> {
    match &e.kind {
        ExprKind::Label { name: l, body } if l.name == name => Some(body),
        ExprKind::Label { body, .. } => find_label(body, name),
        ExprKind::OpApp { args, .. } | ExprKind::Tuple(args) | ExprKind::SetEnum(args) => {
            args.iter().find_map(|a| find_label(a, name))
        }
        ExprKind::If { cond, then, els } => [cond, then, els].into_iter().find_map(|b| find_label(b, name)),
        _ => None,
    }
}
