//! Tests of set membership without enumeration, enumeration order, set algebra, functions.

use tla2_runtime::value::{EvalErrorKind, LazySet, Value};

fn int(i: i64) -> Value {
    Value::int(i)
}

fn set(v: &[i64]) -> Value {
    Value::set(v.iter().map(|&i| int(i)).collect())
}

fn lazy(l: LazySet) -> Value {
    Value::lazy(l)
}

#[test]
fn membership_in_infinite_sets_needs_no_enumeration() {
    let nat = lazy(LazySet::Nat);
    assert_eq!(nat.contains(&int(5)), Ok(true));
    assert_eq!(nat.contains(&int(-1)), Ok(false));
    assert_eq!(lazy(LazySet::Int).contains(&int(-1)), Ok(true));
    assert_eq!(lazy(LazySet::Strings).contains(&Value::str("x")), Ok(true));
    let seqs = lazy(LazySet::Seq(nat.clone()));
    assert_eq!(seqs.contains(&Value::tuple(vec![int(1), int(2)])), Ok(true));
    assert_eq!(seqs.contains(&Value::tuple(vec![int(-1)])), Ok(false));
    assert_eq!(nat.enumerate().unwrap_err().kind, EvalErrorKind::NotEnumerable);
    assert_eq!(nat.contains(&Value::str("a")).unwrap_err().kind, EvalErrorKind::TypeMismatch);
}

#[test]
fn function_set_membership_checks_domain_and_range() {
    let fs = lazy(LazySet::FunSet(Value::interval(1, 2), lazy(LazySet::Nat)));
    assert_eq!(fs.contains(&Value::tuple(vec![int(0), int(9)])), Ok(true));
    assert_eq!(fs.contains(&Value::tuple(vec![int(0)])), Ok(false));
    let big = lazy(LazySet::FunSet(Value::interval(1, 40), Value::interval(0, 1000)));
    let f = Value::tuple((0..40).map(int).collect());
    assert_eq!(big.contains(&f), Ok(true), "decided without enumerating 1001^40 functions");
    let rs = lazy(LazySet::RecordSet(vec![("a".into(), set(&[1, 2]))]));
    assert_eq!(rs.contains(&Value::record([("a", int(2))])), Ok(true));
    assert_eq!(rs.contains(&Value::record([("b", int(2))])), Ok(false));
}

#[test]
fn subset_enumerates_in_tlc_order() {
    let s = lazy(LazySet::Subset(set(&[1, 2, 3])));
    let shown: Vec<String> = s.enumerate().unwrap().iter().map(|v| v.to_string()).collect();
    assert_eq!(shown, ["{}", "{1}", "{2}", "{3}", "{1, 2}", "{1, 3}", "{2, 3}", "{1, 2, 3}"]);
    assert_eq!(s.cardinality(), Ok(8));
    assert_eq!(s.contains(&set(&[1, 3])), Ok(true));
    assert_eq!(s.contains(&set(&[4])), Ok(false));
}

#[test]
fn function_sets_enumerate_sorted() {
    let fs = lazy(LazySet::FunSet(set(&[1, 2]), set(&[0, 1])));
    let shown: Vec<String> = fs.enumerate().unwrap().iter().map(|v| v.to_string()).collect();
    assert_eq!(shown, ["<<0, 0>>", "<<0, 1>>", "<<1, 0>>", "<<1, 1>>"]);
    assert_eq!(fs.cardinality(), Ok(4));
    let product = lazy(LazySet::Product(vec![set(&[1, 2]), set(&[3])]));
    assert_eq!(product.enumerate().unwrap().len(), 2);
}

#[test]
fn set_algebra_works_on_every_form() {
    assert_eq!(set(&[1, 2]).union(&set(&[2, 3])), Ok(set(&[1, 2, 3])));
    assert_eq!(Value::interval(1, 5).intersect(&set(&[0, 2, 4, 6])), Ok(set(&[2, 4])));
    assert_eq!(Value::interval(1, 5).difference(&set(&[2, 3])), Ok(set(&[1, 4, 5])));
    let nat = lazy(LazySet::Nat);
    assert_eq!(Value::interval(0, 3).subseteq(&nat), Ok(true));
    assert_eq!(set(&[-1]).subseteq(&nat), Ok(false));
    let u = nat.union(&set(&[-1])).unwrap();
    assert_eq!(u.contains(&int(-1)), Ok(true));
    assert_eq!(u.contains(&int(-2)), Ok(false));
    let d = lazy(LazySet::Int).difference(&nat).unwrap();
    assert_eq!(d.contains(&int(-3)), Ok(true));
    assert_eq!(d.contains(&int(3)), Ok(false));
    assert_eq!(nat.is_finite_set(), Ok(false));
    assert_eq!(lazy(LazySet::Seq(Value::empty_set())).cardinality(), Ok(1));
}

#[test]
fn application_outside_the_domain_is_an_error_with_tlc_wording() {
    let f = Value::fun(vec![(int(0), int(1))]);
    let err = f.apply(&int(5)).unwrap_err();
    assert_eq!(err.kind, EvalErrorKind::NotInDomain);
    assert!(err.message.contains("which is not in the domain of the function"), "{}", err.message);
    let t = Value::tuple(vec![int(7)]);
    assert_eq!(t.apply(&int(1)), Ok(int(7)));
    assert_eq!(t.apply(&int(2)).unwrap_err().kind, EvalErrorKind::NotInDomain);
    let r = Value::record([("a", int(1))]);
    assert_eq!(r.field("a"), Ok(int(1)));
    assert_eq!(r.field("b").unwrap_err().kind, EvalErrorKind::NotInDomain);
    assert_eq!(r.domain(), Ok(Value::set(vec![Value::str("a")])));
    assert_eq!(t.domain(), Ok(Value::interval(1, 1)));
}

#[test]
fn except_updates_nested_paths_and_ignores_arguments_outside_the_domain() {
    let inner = Value::record([("x", int(1)), ("y", int(2))]);
    let f = Value::tuple(vec![inner.clone(), inner]);
    let g = f.except(&[int(2), Value::str("y")], int(9)).unwrap();
    assert_eq!(g.to_string(), "<<[x |-> 1, y |-> 2], [x |-> 1, y |-> 9]>>");
    assert_eq!(g.get_path(&[int(2), Value::str("y")]), Ok(int(9)));
    assert_eq!(f.except(&[int(3)], int(0)), Ok(f.clone()));
}

#[test]
fn iterating_a_set_yields_its_elements_in_order_without_materializing_intervals() {
    let it = Value::interval(1, i64::MAX).iter_set().unwrap();
    assert_eq!(it.take(3).collect::<Vec<_>>(), vec![int(1), int(2), int(3)]);
    assert_eq!(set(&[3, 1]).iter_set().unwrap().collect::<Vec<_>>(), vec![int(1), int(3)]);
    let subsets = lazy(LazySet::Subset(set(&[1]))).iter_set().unwrap();
    assert_eq!(subsets.len(), 2);
    assert_eq!(lazy(LazySet::Nat).iter_set().err().map(|e| e.kind), Some(EvalErrorKind::NotEnumerable));
}
