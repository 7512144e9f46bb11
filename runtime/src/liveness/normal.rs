//! Normalization of a negated liveness property into a disjunction of [`Clause`]s, each a
//! conjunction of conditions the SCC search decides directly (TLC's `Liveness.java` splits the
//! negation the same way into initial predicates, `[]`-, `<>[]`- and `[]<>`-conditions and a
//! tableau; here the only tableau-like part is one `<>(P /\ []Q)` per clause, which covers
//! `~>` and `<>`). Anything else is reported as unsupported, never decided.

use super::Formula;

/// A conjunction of conditions on a behaviour. Every condition is a non-temporal formula
/// evaluated on a step (its state atoms on the step's source).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Clause {
    /// State predicates of the first state.
    pub init: Vec<Formula>,
    /// Hold on every step.
    pub always: Vec<Formula>,
    /// `<>(g /\ []h)`: some step satisfies `g`, and it and every later one satisfy `h`.
    pub eventually: Option<(Formula, Formula)>,
    /// State predicates that hold, in this order, at states before (or at) the one where
    /// `eventually` starts: `<>(c1 /\ <>(c2 /\ <>(g /\ []h)))`.
    pub chain: Vec<Formula>,
    /// `<>[]g`: from some point on, every step satisfies `g`.
    pub eventually_always: Vec<Formula>,
    /// `[]<>g`: infinitely many steps satisfy `g`.
    pub always_eventually: Vec<Formula>,
}

/// More clauses than this means the property's negation blew up in normal form.
const MAX_CLAUSES: usize = 4096;

/// The clauses whose disjunction is equivalent to `f`.
pub fn clauses(f: &Formula) -> Result<Vec<Clause>, String> {
    dnf(&nnf(f, false))
}

/// Negation normal form: `Not` only on non-temporal formulas; `~>` expanded.
pub fn nnf(f: &Formula, neg: bool) -> Formula {
    if f.is_nontemporal() {
        return match (neg, f) {
            (false, _) => f.clone(),
            (true, Formula::Not(x)) => (**x).clone(),
            (true, _) => Formula::negate(f.clone()),
        };
    }
    match f {
        Formula::Not(x) => nnf(x, !neg),
        Formula::And(xs) | Formula::Or(xs) => {
            let ys = xs.iter().map(|x| nnf(x, neg)).collect();
            match (matches!(f, Formula::And(_)), neg) {
                (true, false) | (false, true) => Formula::And(ys),
                _ => Formula::Or(ys),
            }
        }
        Formula::Always(x) if neg => Formula::eventually(nnf(x, true)),
        Formula::Always(x) => Formula::always(nnf(x, false)),
        Formula::Eventually(x) if neg => Formula::always(nnf(x, true)),
        Formula::Eventually(x) => Formula::eventually(nnf(x, false)),
        Formula::LeadsTo(a, b) => {
            let body = Formula::Or(vec![Formula::negate((**a).clone()), Formula::eventually((**b).clone())]);
            nnf(&Formula::always(body), neg)
        }
        _ => f.clone(),
    }
}

fn single(c: Clause) -> Vec<Clause> {
    vec![c]
}

fn dnf(f: &Formula) -> Result<Vec<Clause>, String> {
    if f.is_nontemporal() {
        if f.has_action() {
            return Err("a step predicate outside [] or <> is not supported".into());
        }
        return Ok(single(Clause { init: vec![f.clone()], ..Clause::default() }));
    }
    match f {
        Formula::And(xs) => {
            let mut acc = single(Clause::default());
            for x in xs {
                acc = product(&acc, &dnf(x)?)?;
            }
            Ok(acc)
        }
        Formula::Or(xs) => {
            let mut out = Vec::new();
            for x in xs {
                out.extend(dnf(x)?);
                if out.len() > MAX_CLAUSES {
                    return Err("the negated property has too many disjuncts".into());
                }
            }
            Ok(out)
        }
        Formula::Always(x) => always(x),
        Formula::Eventually(x) => eventually(x),
        _ => Err("this temporal form is not supported".into()),
    }
}

/// `[]x`, with `x` in negation normal form.
fn always(x: &Formula) -> Result<Vec<Clause>, String> {
    if x.is_nontemporal() {
        return Ok(single(Clause { always: vec![x.clone()], ..Clause::default() }));
    }
    match x {
        Formula::Always(y) => always(y),
        Formula::And(ys) => dnf(&Formula::And(ys.iter().map(|y| Formula::always(y.clone())).collect())),
        Formula::Eventually(y) => match &**y {
            y if y.is_nontemporal() => Ok(single(Clause { always_eventually: vec![y.clone()], ..Clause::default() })),
            // `[]<>[]z` is `<>[]z`; `[]<><>z` is `[]<>z`.
            Formula::Always(z) => eventually(&Formula::always((**z).clone())),
            Formula::Eventually(z) => always(&Formula::eventually((**z).clone())),
            Formula::Or(zs) => {
                dnf(&Formula::Or(zs.iter().map(|z| Formula::always(Formula::eventually(z.clone()))).collect()))
            }
            _ => Err("[]<> of this formula is not supported".into()),
        },
        _ => Err("[] of a formula that mixes temporal operators under \\/ is not supported".into()),
    }
}

/// `<>x`, with `x` in negation normal form.
fn eventually(x: &Formula) -> Result<Vec<Clause>, String> {
    if x.is_nontemporal() {
        return Ok(single(Clause { eventually: Some((x.clone(), Formula::Bool(true))), ..Clause::default() }));
    }
    match x {
        Formula::Eventually(y) => eventually(y),
        Formula::Or(ys) => dnf(&Formula::Or(ys.iter().map(|y| Formula::eventually(y.clone())).collect())),
        Formula::Always(y) => match &**y {
            y if y.is_nontemporal() => Ok(single(Clause { eventually_always: vec![y.clone()], ..Clause::default() })),
            Formula::Eventually(z) => always(&Formula::eventually((**z).clone())),
            Formula::Always(z) => eventually(&Formula::always((**z).clone())),
            Formula::And(zs) => {
                dnf(&Formula::And(zs.iter().map(|z| Formula::eventually(Formula::always(z.clone()))).collect()))
            }
            _ => Err("<>[] of this formula is not supported".into()),
        },
        Formula::And(ys) => eventually_and(ys),
        _ => Err("<> of this formula is not supported".into()),
    }
}

/// `<>(g1 /\ []h1 /\ c)`, where `c` are suffix-closed conditions (`[]<>`, `<>[]`) that can be
/// taken out of the `<>`.
fn eventually_and(ys: &[Formula]) -> Result<Vec<Clause>, String> {
    let (mut g, mut h, mut closed, mut later) = (Vec::new(), Vec::new(), Vec::new(), None);
    for y in ys {
        match y {
            y if y.is_nontemporal() => g.push(y.clone()),
            Formula::Always(z) if z.is_nontemporal() => h.push((**z).clone()),
            Formula::Always(z) if matches!(**z, Formula::Eventually(_)) => closed.push(y.clone()),
            Formula::Eventually(z) if matches!(**z, Formula::Always(_)) => closed.push(y.clone()),
            Formula::Eventually(_) if later.is_none() => later = Some(y),
            _ => return Err("<> of a conjunction with nested temporal operators is not supported".into()),
        }
    }
    let mut acc = match later {
        None => single(Clause { eventually: Some((conj(g), conj(h))), ..Clause::default() }),
        // `<>(g /\ <>x)`: `g` first, then `<>x` from there on.
        Some(x) if h.is_empty() && !g.iter().any(Formula::has_action) => {
            let mut inner = dnf(x)?;
            for c in &mut inner {
                if c.eventually.is_none() || !c.init.is_empty() {
                    return Err("<> of this nested formula is not supported".into());
                }
                c.chain.insert(0, conj(g.clone()));
            }
            inner
        }
        Some(_) => return Err("<>(P /\\ []Q /\\ <>R) is not supported".into()),
    };
    for c in closed {
        acc = product(&acc, &dnf(&c)?)?;
    }
    Ok(acc)
}

fn conj(mut fs: Vec<Formula>) -> Formula {
    match fs.len() {
        0 => Formula::Bool(true),
        1 => fs.pop().unwrap_or(Formula::Bool(true)),
        _ => Formula::And(fs),
    }
}

pub fn product(a: &[Clause], b: &[Clause]) -> Result<Vec<Clause>, String> {
    if a.len() * b.len() > MAX_CLAUSES {
        return Err("the negated property has too many disjuncts".into());
    }
    let mut out = Vec::new();
    for x in a {
        for y in b {
            out.push(merge(x, y)?);
        }
    }
    Ok(out)
}

fn merge(x: &Clause, y: &Clause) -> Result<Clause, String> {
    let (eventually, chain) = match (&x.eventually, &y.eventually) {
        (None, _) => (y.eventually.clone(), y.chain.clone()),
        (_, None) => (x.eventually.clone(), x.chain.clone()),
        (Some(a), Some(b)) if is_true(&a.1) && is_true(&b.1) && a.0 == b.0 && x.chain == y.chain => {
            (Some(a.clone()), x.chain.clone())
        }
        _ => return Err("two independent <> conditions in one disjunct are not supported".into()),
    };
    let cat = |p: &[Formula], q: &[Formula]| p.iter().chain(q).cloned().collect::<Vec<_>>();
    Ok(Clause {
        init: cat(&x.init, &y.init),
        always: cat(&x.always, &y.always),
        eventually,
        chain,
        eventually_always: cat(&x.eventually_always, &y.eventually_always),
        always_eventually: cat(&x.always_eventually, &y.always_eventually),
    })
}

fn is_true(f: &Formula) -> bool {
    *f == Formula::Bool(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(a: u32) -> Formula {
        Formula::StatePred(a)
    }

    #[test]
    fn negated_always_eventually_is_one_eventually_always_condition() {
        let f = Formula::negate(Formula::always(Formula::eventually(p(0))));
        let cs = clauses(&f).unwrap();
        assert_eq!(cs.len(), 1);
        assert_eq!(cs[0].eventually_always, vec![Formula::negate(p(0))]);
    }

    #[test]
    fn negated_leads_to_is_eventually_p_then_always_not_q() {
        let f = Formula::negate(Formula::LeadsTo(Box::new(p(0)), Box::new(p(1))));
        let cs = clauses(&f).unwrap();
        assert_eq!(cs.len(), 1);
        let (g, h) = cs[0].eventually.clone().unwrap();
        assert_eq!(g, p(0));
        assert_eq!(h, Formula::negate(p(1)));
    }
}
