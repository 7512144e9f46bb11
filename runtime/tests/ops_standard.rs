//! Tests of the builtins of the standard modules on hand-computed values, with their errors.

use std::collections::HashMap;

use tla2_runtime::ops::{lookup, Arg, BuiltinContext, OpArg};
use tla2_runtime::value::{EvalError, EvalErrorKind, Value};

#[derive(Default)]
struct Ctx {
    printed: Vec<String>,
    regs: HashMap<Value, Value>,
    rng: u64,
}

impl BuiltinContext for Ctx {
    fn print(&mut self, text: &str) {
        self.printed.push(text.to_string());
    }
    fn tlc_get(&mut self, key: &Value) -> Result<Value, EvalError> {
        self.regs.get(key).cloned().ok_or_else(|| EvalError::other("unset register"))
    }
    fn tlc_set(&mut self, key: &Value, value: Value) -> Result<(), EvalError> {
        self.regs.insert(key.clone(), value);
        Ok(())
    }
    fn random_u64(&mut self) -> u64 {
        self.rng = self.rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.rng >> 1
    }
    fn env_var(&self, _: &str) -> Option<String> {
        None
    }
}

struct Op<F: Fn(&[Value]) -> Result<Value, EvalError>>(usize, F);

impl<F: Fn(&[Value]) -> Result<Value, EvalError>> OpArg for Op<F> {
    fn arity(&self) -> usize {
        self.0
    }
    fn call(&self, args: &[Value]) -> Result<Value, EvalError> {
        (self.1)(args)
    }
}

fn call(module: &str, name: &str, args: &[Value]) -> Result<Value, EvalError> {
    let f = lookup(module, name).unwrap_or_else(|| panic!("no builtin {module}!{name}"));
    let args: Vec<Arg<'_>> = args.iter().cloned().map(Arg::Value).collect();
    f(&args, &mut Ctx::default())
}

fn int(i: i64) -> Value {
    Value::int(i)
}

fn seq(v: &[i64]) -> Value {
    Value::tuple(v.iter().map(|&i| int(i)).collect())
}

#[test]
fn arithmetic_follows_tlc() {
    assert_eq!(call("Naturals", "+", &[int(2), int(3)]), Ok(int(5)));
    assert_eq!(call("Naturals", "-", &[int(2), int(3)]), Ok(int(-1)));
    assert_eq!(call("Naturals", "^", &[int(2), int(10)]), Ok(int(1024)));
    assert_eq!(call("Naturals", "^", &[int(3), int(0)]), Ok(int(1)));
    assert_eq!(call("Naturals", "\\div", &[int(-7), int(2)]), Ok(int(-4)));
    assert_eq!(call("Naturals", "\\div", &[int(7), int(-2)]), Ok(int(-4)));
    assert_eq!(call("Naturals", "%", &[int(-7), int(3)]), Ok(int(2)));
    assert_eq!(call("Naturals", "<", &[int(1), int(2)]), Ok(Value::bool(true)));
    assert_eq!(call("Naturals", "..", &[int(1), int(3)]), Ok(Value::interval(1, 3)));
    assert_eq!(call("Integers", "-.", &[int(4)]), Ok(int(-4)));
}

#[test]
fn arithmetic_errors_have_their_kinds() {
    assert_eq!(call("Naturals", "+", &[int(i64::MAX), int(1)]).unwrap_err().kind, EvalErrorKind::Overflow);
    assert_eq!(call("Naturals", "*", &[int(i64::MAX), int(2)]).unwrap_err().kind, EvalErrorKind::Overflow);
    assert_eq!(call("Naturals", "\\div", &[int(1), int(0)]).unwrap_err().kind, EvalErrorKind::DivisionByZero);
    assert_eq!(call("Naturals", "%", &[int(1), int(0)]).unwrap_err().kind, EvalErrorKind::DivisionByZero);
    assert_eq!(call("Naturals", "^", &[int(0), int(0)]).unwrap_err().message, "0^0 is undefined.");
    assert_eq!(call("Naturals", "^", &[int(2), int(-1)]).unwrap_err().kind, EvalErrorKind::TypeMismatch);
    let err = call("Naturals", "<", &[Value::str("a"), int(1)]).unwrap_err();
    assert_eq!(err.kind, EvalErrorKind::TypeMismatch);
    assert!(err.message.contains("The first argument of < should be an integer"), "{}", err.message);
}

#[test]
fn sequence_operators_follow_tlc() {
    assert_eq!(call("Sequences", "Len", &[seq(&[1, 2])]), Ok(int(2)));
    assert_eq!(call("Sequences", "\\o", &[seq(&[1]), seq(&[2])]), Ok(seq(&[1, 2])));
    assert_eq!(call("Sequences", "Append", &[seq(&[1]), int(2)]), Ok(seq(&[1, 2])));
    assert_eq!(call("Sequences", "Head", &[seq(&[1, 2])]), Ok(int(1)));
    assert_eq!(call("Sequences", "Tail", &[seq(&[1, 2])]), Ok(seq(&[2])));
    assert_eq!(call("Sequences", "SubSeq", &[seq(&[1, 2, 3]), int(2), int(3)]), Ok(seq(&[2, 3])));
    assert_eq!(call("Sequences", "SubSeq", &[seq(&[1, 2, 3]), int(3), int(2)]), Ok(seq(&[])));
    assert_eq!(call("Sequences", "Head", &[seq(&[])]).unwrap_err().kind, EvalErrorKind::NotInDomain);
    assert_eq!(call("Sequences", "Tail", &[seq(&[])]).unwrap_err().kind, EvalErrorKind::NotInDomain);
    assert_eq!(call("Sequences", "\\o", &[Value::str("ab"), Value::str("c")]), Ok(Value::str("abc")));
    assert_eq!(call("Sequences", "Head", &[Value::str("ab")]), Ok(Value::str("a")));
    assert_eq!(call("Sequences", "Tail", &[Value::str("ab")]), Ok(Value::str("b")));
    let seqs = call("Sequences", "Seq", &[Value::interval(1, 2)]).unwrap();
    assert_eq!(seqs.contains(&seq(&[1, 1, 2])), Ok(true));
    assert!(seqs.contains(&Value::record([("a", int(1))])).is_err(), "TLC rejects a non-sequence");
}

#[test]
fn select_seq_calls_its_operator_argument() {
    let even = Op(1, |a: &[Value]| Ok(Value::bool(a[0].as_int()? % 2 == 0)));
    let f = lookup("Sequences", "SelectSeq").unwrap();
    let r = f(&[Arg::Value(seq(&[1, 2, 3, 4])), Arg::Op(&even)], &mut Ctx::default());
    assert_eq!(r, Ok(seq(&[2, 4])));
}

#[test]
fn core_set_operators_are_builtins() {
    let s = Value::set(vec![int(1), int(2)]);
    assert_eq!(call("Core", "\\cup", &[s.clone(), Value::set(vec![int(3)])]), Ok(Value::interval(1, 3)));
    assert_eq!(call("Core", "SUBSET", &[s.clone()]).unwrap().cardinality(), Ok(4));
    let union = call("Core", "UNION", &[Value::set(vec![s.clone(), Value::set(vec![int(5)])])]);
    assert_eq!(union, Ok(Value::set(vec![int(1), int(2), int(5)])));
    let product = call("Core", "\\X", &[s.clone(), s.clone(), s]).unwrap();
    assert_eq!(product.cardinality(), Ok(8));
    assert_eq!(product.contains(&seq(&[1, 2, 1])), Ok(true));
    assert_eq!(call("Core", "STRING", &[]).unwrap().contains(&Value::str("x")), Ok(true));
}

#[test]
fn finite_sets_count_lazy_sets_without_enumerating() {
    let big = call("Core", "SUBSET", &[Value::interval(1, 40)]).unwrap();
    assert_eq!(call("FiniteSets", "Cardinality", &[big]), Ok(int(1 << 40)));
    let nat = call("Naturals", "Nat", &[]).unwrap();
    assert_eq!(call("FiniteSets", "IsFiniteSet", &[nat]), Ok(Value::bool(false)));
}

#[test]
fn tlc_module_operators_follow_tlc() {
    let f = call("TLC", ":>", &[int(1), Value::str("a")]).unwrap();
    let g = call("TLC", ":>", &[int(2), Value::str("b")]).unwrap();
    assert_eq!(call("TLC", "@@", &[f.clone(), g]).unwrap().to_string(), "<<\"a\", \"b\">>");
    let h = call("TLC", ":>", &[int(1), Value::str("z")]).unwrap();
    assert_eq!(call("TLC", "@@", &[f, h]).unwrap().to_string(), "<<\"a\">>", "the left function wins");
    let perms = call("TLC", "Permutations", &[Value::set(vec![int(1), int(2), int(3)])]).unwrap();
    assert_eq!(perms.cardinality(), Ok(6));
    assert_eq!(call("TLC", "ToString", &[seq(&[1])]), Ok(Value::str("<<1>>")));
    let err = call("TLC", "Assert", &[Value::bool(false), Value::str("boom")]).unwrap_err();
    assert_eq!(err.kind, EvalErrorKind::AssertionFailed);
    assert!(call("TLC", "Any", &[]).unwrap().contains(&int(3)).unwrap());
}

#[test]
fn print_and_registers_go_through_the_context() {
    let mut ctx = Ctx::default();
    let print = lookup("TLC", "Print").unwrap();
    let r = print(&[Arg::Value(Value::str("x")), Arg::Value(int(1))], &mut ctx);
    assert_eq!(r, Ok(int(1)));
    assert_eq!(ctx.printed, ["\"x\"  1"]);
    let set = lookup("TLC", "TLCSet").unwrap();
    let get = lookup("TLC", "TLCGet").unwrap();
    assert_eq!(set(&[Arg::Value(int(1)), Arg::Value(int(7))], &mut ctx), Ok(Value::bool(true)));
    assert_eq!(get(&[Arg::Value(int(1))], &mut ctx), Ok(int(7)));
}

#[test]
fn sort_seq_is_stable_and_uses_the_operator() {
    let lt = Op(2, |a: &[Value]| Ok(Value::bool(a[0].as_int()? < a[1].as_int()?)));
    let f = lookup("TLC", "SortSeq").unwrap();
    let r = f(&[Arg::Value(seq(&[3, 1, 2, 1])), Arg::Op(&lt)], &mut Ctx::default());
    assert_eq!(r, Ok(seq(&[1, 1, 2, 3])));
}

#[test]
fn bags_count_copies() {
    let b = call("Bags", "SetToBag", &[Value::set(vec![int(1), int(2)])]).unwrap();
    let bb = call("Bags", "\\oplus", &[b.clone(), b.clone()]).unwrap();
    assert_eq!(call("Bags", "CopiesIn", &[int(1), bb.clone()]), Ok(int(2)));
    assert_eq!(call("Bags", "BagCardinality", &[bb.clone()]), Ok(int(4)));
    assert_eq!(call("Bags", "\\ominus", &[bb.clone(), b.clone()]), Ok(b.clone()));
    assert_eq!(call("Bags", "\\sqsubseteq", &[b.clone(), bb]), Ok(Value::bool(true)));
    assert_eq!(call("Bags", "BagToSet", &[b]), Ok(Value::set(vec![int(1), int(2)])));
    assert_eq!(call("Bags", "EmptyBag", &[]), Ok(Value::empty_tuple()));
}

struct Squares;

impl tla2_runtime::value::LazyFunction for Squares {
    fn domain(&self) -> Value {
        Value::interval(1, 3)
    }
    fn apply(&self, arg: &Value) -> Result<Value, EvalError> {
        Ok(int(arg.as_int()? * arg.as_int()?))
    }
    fn describe(&self) -> String {
        "[i \\in 1..3 |-> i * i]".to_string()
    }
}

#[test]
fn a_lazy_function_over_one_to_n_is_a_sequence() {
    let s = Value::lazy_fun(std::sync::Arc::new(Squares));
    assert_eq!(call("Sequences", "Len", &[s.clone()]), Ok(int(3)));
    assert_eq!(call("Sequences", "Append", &[s.clone(), int(16)]), Ok(seq(&[1, 4, 9, 16])));
    assert_eq!(call("Sequences", "Head", &[s]), Ok(int(1)));
}
