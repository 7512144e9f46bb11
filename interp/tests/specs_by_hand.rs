//! Small specs built as IR by hand and explored by a tiny BFS, with pinned state counts:
//! DieHard (TLC: 16 reachable states), SYMMETRY, VIEW and CONSTRAINT.

mod common;

use common::{bfs, B};
use tla2_frontend::ir::*;

/// `DieHard.tla` from tlaplus/Examples, built by hand; returns the builder and `big`.
fn die_hard() -> (B, VarId) {
    let mut b = B::new();
    let (big, small) = (b.var_decl("big"), b.var_decl("small"));
    let (bv, sv) = (b.var(big), b.var(small));
    let (bp, sp) = (b.primed(big), b.primed(small));
    let (zero, three, five) = (b.int(0), b.int(3), b.int(5));
    let (i1, i2) = (b.eq(bv, zero), b.eq(sv, zero));
    let init = b.and(vec![i1, i2]);
    // Min(m, n) == IF m < n THEN m ELSE n
    let (m, n) = (b.local("m"), b.local("n"));
    let (me, ne) = (b.loc(m), b.loc(n));
    let lt = b.op2("<", me, ne);
    let minb = b.e(Expr::If { cond: lt, then: me, els: ne });
    let min = b.def("Min", vec![B::param(m, "m", 0), B::param(n, "n", 0)], minb);
    let act = |b: &mut B, name: &str, first: ExprId, second: ExprId| {
        let body = b.and(vec![first, second]);
        let d = b.def(name, vec![], body);
        b.call(d, vec![])
    };
    let (s3, bsame) = (b.eq(sp, three), b.eq(bp, bv));
    let fill_small = act(&mut b, "FillSmallJug", s3, bsame);
    let (b5, ssame) = (b.eq(bp, five), b.eq(sp, sv));
    let fill_big = act(&mut b, "FillBigJug", b5, ssame);
    let s0 = b.eq(sp, zero);
    let empty_small = act(&mut b, "EmptySmallJug", s0, bsame);
    let b0 = b.eq(bp, zero);
    let empty_big = act(&mut b, "EmptyBigJug", b0, ssame);
    let total = b.op2("+", bv, sv);
    let to_big = b.call(min, vec![total, five]);
    let nb = b.eq(bp, to_big);
    let poured = b.op2("-", bp, bv);
    let left = b.op2("-", sv, poured);
    let ns = b.eq(sp, left);
    let small_to_big = act(&mut b, "SmallToBig", nb, ns);
    let to_small = b.call(min, vec![total, three]);
    let ns2 = b.eq(sp, to_small);
    let poured2 = b.op2("-", sp, sv);
    let left2 = b.op2("-", bv, poured2);
    let nb2 = b.eq(bp, left2);
    let big_to_small = act(&mut b, "BigToSmall", ns2, nb2);
    let next_body = b.or(vec![fill_small, fill_big, empty_small, empty_big, small_to_big, big_to_small]);
    let next_def = b.def("Next", vec![], next_body);
    let next = b.call(next_def, vec![]);
    b.p.model.init = Some(B::named("Init", init, None));
    b.p.model.next = Some(B::named("Next", next, Some(next_def)));
    (b, big)
}

#[test]
fn die_hard_has_sixteen_reachable_states_and_six_actions() {
    let (b, _) = die_hard();
    let m = b.model();
    assert_eq!(tla2_runtime::model::Model::actions(&m).len(), 6);
    assert_eq!(bfs(&m), Ok((16, 8)));
}

#[test]
fn die_hard_under_the_engine_matches_tlc_counts_and_trace_length() {
    let (mut b, big) = die_hard();
    let small = VarId(1);
    let (bv, sv) = (b.var(big), b.var(small));
    let (r3, r5) = (b.range(0, 3), b.range(0, 5));
    let (t1, t2) = (b.e(Expr::In(sv, r3)), b.e(Expr::In(bv, r5)));
    let type_ok = b.and(vec![t1, t2]);
    let four = b.int(4);
    let eq = b.eq(bv, four);
    let not_solved = b.e(Expr::Not(eq));
    b.p.model.invariants.push(B::named("TypeOK", type_ok, None));
    b.p.model.invariants.push(B::named("NotSolved", not_solved, None));
    let m = b.model();
    let r = tla2_runtime::engine::check(&m, &tla2_runtime::engine::CheckOptions::default());
    // TLC: 14 distinct states, 73 generated, depth 7, a counterexample of 7 states.
    assert!(matches!(r.status, tla2_runtime::report::Status::InvariantViolation { index: 1, .. }), "{:?}", r.status);
    assert_eq!(r.stats.distinct, 14);
    assert_eq!(r.stats.generated, 73);
    assert_eq!(r.trace.len(), 7);
}

#[test]
fn die_hard_violates_big_is_never_four() {
    let (mut b, big) = die_hard();
    let bv = b.var(big);
    let four = b.int(4);
    let eq = b.eq(bv, four);
    let not_solved = b.e(Expr::Not(eq));
    b.p.model.invariants.push(B::named("NotSolved", not_solved, None));
    assert_eq!(bfs(&b.model()), Err("invariant 0 violated".to_string()));
}

/// `x \in {a, b, c}` with `UNCHANGED x`, optionally under SYMMETRY Permutations({a, b, c}).
fn three_model_values(symmetric: bool) -> usize {
    let mut b = B::new();
    let x = b.var_decl("x");
    let (ma, mb, mc) = (b.mv("a"), b.mv("b"), b.mv("c"));
    let set = b.set(vec![ma, mb, mc]);
    let xv = b.var(x);
    let init = b.e(Expr::In(xv, set));
    let next = b.e(Expr::Unchanged(xv));
    if symmetric {
        let perms = b.bcall("TLC", "Permutations", vec![set]);
        b.p.model.symmetry = Some(B::named("Sym", perms, None));
    }
    b.p.model.init = Some(B::named("Init", init, None));
    b.p.model.next = Some(B::named("Next", next, None));
    bfs(&b.model()).map(|r| r.0).unwrap_or(0)
}

#[test]
fn symmetry_merges_permuted_states() {
    assert_eq!(three_model_values(false), 3);
    assert_eq!(three_model_values(true), 1);
}

#[test]
fn a_view_fingerprints_only_what_it_keeps_and_constraints_stop_exploration() {
    let mut b = B::new();
    let (x, y) = (b.var_decl("x"), b.var_decl("y"));
    let (xv, yv, zero, one) = (b.var(x), b.var(y), b.int(0), b.int(1));
    let (i1, i2) = (b.eq(xv, zero), b.eq(yv, zero));
    let init = b.and(vec![i1, i2]);
    let (xp, yp) = (b.primed(x), b.primed(y));
    let inc = b.op2("+", xv, one);
    let dec = b.op2("-", yv, one);
    let (a1, a2) = (b.eq(xp, inc), b.eq(yp, dec));
    let next = b.and(vec![a1, a2]);
    let three = b.int(3);
    let bound = b.op2("<", xv, three);
    b.p.model.constraints.push(B::named("Bound", bound, None));
    b.p.model.init = Some(B::named("Init", init, None));
    b.p.model.next = Some(B::named("Next", next, None));
    let mut with_view = b.clone();
    // States x = 0..3 (x = 3 violates the constraint and is not expanded).
    assert_eq!(bfs(&b.model()).map(|r| r.0), Ok(4));
    let xv2 = with_view.var(x);
    let two = with_view.int(2);
    let md = with_view.op2("%", xv2, two);
    with_view.p.model.view = Some(B::named("View", md, None));
    assert_eq!(bfs(&with_view.model()).map(|r| r.0), Ok(2));
}

#[test]
fn symmetry_uses_the_group_generated_by_two_symmetry_sets() {
    let mut b = B::new();
    let (x, y) = (b.var_decl("x"), b.var_decl("y"));
    let (ma, mb, mc, md) = (b.mv("a"), b.mv("b"), b.mv("c"), b.mv("d"));
    let (s1, s2) = (b.set(vec![ma, mb]), b.set(vec![mc, md]));
    let (xv, yv) = (b.var(x), b.var(y));
    let (i1, i2) = (b.e(Expr::In(xv, s1)), b.e(Expr::In(yv, s2)));
    let init = b.and(vec![i1, i2]);
    let vars = b.tuple(vec![xv, yv]);
    let next = b.e(Expr::Unchanged(vars));
    b.p.model.init = Some(B::named("Init", init, None));
    b.p.model.next = Some(B::named("Next", next, None));
    let mut sym = b.clone();
    assert_eq!(bfs(&b.model()).map(|r| r.0), Ok(4));
    let (p1, p2) = (sym.bcall("TLC", "Permutations", vec![s1]), sym.bcall("TLC", "Permutations", vec![s2]));
    let both = sym.op2("\\cup", p1, p2);
    sym.p.model.symmetry = Some(B::named("Sym", both, None));
    assert_eq!(bfs(&sym.model()).map(|r| r.0), Ok(1));
}
