//! Splitting Next into TLC's actions (`Tool.getActions`): disjuncts, definitions applied to
//! constant arguments and `\E` over constant domains are unfolded; each leaf is an action named
//! after the definition it came from, with the locals bound on the way.

use tla2_frontend::ir::{Callee, DefKind, Expr, ExprId, LocalId};
use tla2_runtime::value::EvalError;

use crate::eval::{Ev, Slot};

/// One action of the next-state relation.
pub(crate) struct SplitAction {
    pub expr: ExprId,
    pub env: Vec<(LocalId, Slot)>,
    /// The definition whose body this action came from (its name is the action's name).
    pub name: String,
}

/// Splits `e` (the body of the definition `name`) into actions, in TLC's order.
pub(crate) fn split(ev: &Ev<'_>, e: ExprId, name: &str, out: &mut Vec<SplitAction>) {
    let p = ev.prog();
    let leaf =
        |out: &mut Vec<SplitAction>| out.push(SplitAction { expr: e, env: ev.env_snapshot(), name: name.to_string() });
    match p.expr(e) {
        Expr::Or(xs) => xs.iter().for_each(|x| split(ev, *x, name, out)),
        Expr::Let { body, .. } => split(ev, *body, name, out),
        Expr::Exists { bounds, body } => {
            let mark = out.len();
            let constant = bounds.iter().all(|b| b.domain.is_some_and(|d| ev.sh.is_constant(d)));
            let r: Result<bool, EvalError> = match constant {
                true => ev.for_each_binding(bounds, &mut || {
                    split(ev, *body, name, out);
                    Ok(true)
                }),
                false => Ok(false),
            };
            // As TLC: a domain that cannot be enumerated up front, or an empty one, leaves
            // the whole `\E` as one action.
            if !matches!(r, Ok(true)) || out.len() == mark {
                out.truncate(mark);
                leaf(out);
            }
        }
        Expr::Call { callee: Callee::Def(d), args } => {
            let def = p.def(*d);
            let expandable = matches!(def.kind, DefKind::Operator) && args.iter().all(|a| ev.sh.is_constant(*a));
            if !expandable {
                return leaf(out);
            }
            let Ok(slots) = ev.arg_slots(Some(&def.params), args) else { return leaf(out) };
            let base = ev.env_len();
            for (param, s) in def.params.iter().zip(slots) {
                ev.push(param.local, s);
            }
            split(ev, def.body, &def.name, out);
            ev.truncate(base);
        }
        _ => leaf(out),
    }
}
