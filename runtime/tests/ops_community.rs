//! Tests of the CommunityModules builtins (SequencesExt, FiniteSetsExt, Functions, Folds, Json,
//! IOUtils, Bitwise, Relation, TLCExt) on hand-computed values.

use tla2_runtime::ops::{all_builtins, lookup, Arg, BuiltinContext, OpArg};
use tla2_runtime::value::{EvalError, EvalErrorKind, Value};

struct Ctx;

impl BuiltinContext for Ctx {
    fn print(&mut self, _: &str) {}
    fn tlc_get(&mut self, _: &Value) -> Result<Value, EvalError> {
        Err(EvalError::other("no registers"))
    }
    fn tlc_set(&mut self, _: &Value, _: Value) -> Result<(), EvalError> {
        Ok(())
    }
    fn random_u64(&mut self) -> u64 {
        4
    }
    fn env_var(&self, name: &str) -> Option<String> {
        (name == "JSON").then(|| "trace.ndjson".to_string())
    }
    fn env_vars(&self) -> Vec<(String, String)> {
        vec![("JSON".to_string(), "trace.ndjson".to_string())]
    }
}

struct Plus;

impl OpArg for Plus {
    fn arity(&self) -> usize {
        2
    }
    fn call(&self, a: &[Value]) -> Result<Value, EvalError> {
        let show = |v: &Value| v.as_str().map(str::to_string).unwrap_or_else(|_| v.to_string());
        Ok(Value::str(&format!("({}+{})", show(&a[0]), show(&a[1]))))
    }
}

fn call(module: &str, name: &str, args: &[Value]) -> Result<Value, EvalError> {
    let f = lookup(module, name).unwrap_or_else(|| panic!("no builtin {module}!{name}"));
    let args: Vec<Arg<'_>> = args.iter().cloned().map(Arg::Value).collect();
    f(&args, &mut Ctx)
}

fn call_op(module: &str, name: &str, op: &dyn OpArg, before: &[Value], after: &[Value]) -> Result<Value, EvalError> {
    let f = lookup(module, name).unwrap_or_else(|| panic!("no builtin {module}!{name}"));
    let mut args: Vec<Arg<'_>> = before.iter().cloned().map(Arg::Value).collect();
    args.push(Arg::Op(op));
    args.extend(after.iter().cloned().map(Arg::Value));
    f(&args, &mut Ctx)
}

fn int(i: i64) -> Value {
    Value::int(i)
}

fn seq(v: &[i64]) -> Value {
    Value::tuple(v.iter().map(|&i| int(i)).collect())
}

fn set(v: &[i64]) -> Value {
    Value::set(v.iter().map(|&i| int(i)).collect())
}

#[test]
fn sequences_ext_operators_compute_as_their_definitions() {
    assert_eq!(call("SequencesExt", "SetToSeq", &[set(&[3, 1, 2])]), Ok(seq(&[1, 2, 3])));
    assert_eq!(call("SequencesExt", "Reverse", &[seq(&[1, 2, 3])]), Ok(seq(&[3, 2, 1])));
    assert_eq!(call("SequencesExt", "Last", &[seq(&[1, 2, 3])]), Ok(int(3)));
    assert_eq!(call("SequencesExt", "Front", &[seq(&[1, 2, 3])]), Ok(seq(&[1, 2])));
    assert_eq!(call("SequencesExt", "RemoveAt", &[seq(&[1, 2, 3]), int(2)]), Ok(seq(&[1, 3])));
    assert_eq!(call("SequencesExt", "InsertAt", &[seq(&[1, 3]), int(2), int(2)]), Ok(seq(&[1, 2, 3])));
    assert_eq!(call("SequencesExt", "IsPrefix", &[seq(&[1]), seq(&[1, 2])]), Ok(Value::bool(true)));
    assert_eq!(call("SequencesExt", "ToSet", &[seq(&[2, 2, 1])]), Ok(set(&[1, 2])));
    assert_eq!(call("SequencesExt", "BoundedSeq", &[set(&[1, 2]), int(2)]).unwrap().cardinality(), Ok(7));
    assert_eq!(call("SequencesExt", "Last", &[seq(&[])]).unwrap_err().kind, EvalErrorKind::NotInDomain);
}

#[test]
fn folds_apply_their_operator_in_the_documented_order() {
    let l = call_op("SequencesExt", "FoldLeft", &Plus, &[], &[Value::str("b"), seq(&[1, 2])]).unwrap();
    assert_eq!(l, Value::str("((b+1)+2)"));
    let r = call_op("SequencesExt", "FoldRight", &Plus, &[], &[seq(&[1, 2]), Value::str("b")]).unwrap();
    assert_eq!(r, Value::str("(1+(2+b))"));
    let s = call_op("FiniteSetsExt", "FoldSet", &Plus, &[], &[Value::str("b"), set(&[2, 1])]).unwrap();
    assert_eq!(s, Value::str("(1+(2+b))"));
    let f = call_op("Functions", "FoldFunction", &Plus, &[], &[Value::str("b"), seq(&[5, 6])]).unwrap();
    assert_eq!(f, Value::str("(6+(5+b))"), "TLC's override nests the first element innermost");
    let q = call_op("SequencesExt", "FoldSeq", &Plus, &[], &[Value::str("b"), seq(&[5, 6])]).unwrap();
    assert_eq!(q, Value::str("(6+(5+b))"));
    let d = call_op("SequencesExt", "FoldLeftDomain", &Plus, &[], &[Value::str("b"), seq(&[7, 7])]).unwrap();
    assert_eq!(d, Value::str("((b+1)+2)"));
}

#[test]
fn finite_sets_ext_operators_compute_as_their_definitions() {
    assert_eq!(call("FiniteSetsExt", "Max", &[set(&[3, 9, 1])]), Ok(int(9)));
    assert_eq!(call("FiniteSetsExt", "Min", &[set(&[3, 9, 1])]), Ok(int(1)));
    assert_eq!(call("FiniteSetsExt", "SumSet", &[set(&[3, 9, 1])]), Ok(int(13)));
    assert_eq!(call("FiniteSetsExt", "kSubset", &[int(2), set(&[1, 2, 3])]).unwrap().cardinality(), Ok(3));
    assert_eq!(call("FiniteSetsExt", "SymDiff", &[set(&[1, 2]), set(&[2, 3])]), Ok(set(&[1, 3])));
    assert_eq!(call("FiniteSetsExt", "Max", &[set(&[])]).unwrap_err().kind, EvalErrorKind::NoWitness);
}

#[test]
fn functions_operators_compute_as_their_definitions() {
    let f = Value::record([("a", int(1)), ("b", int(1))]);
    assert_eq!(call("Functions", "Range", &[f.clone()]), Ok(set(&[1])));
    assert_eq!(call("Functions", "IsInjective", &[f.clone()]), Ok(Value::bool(false)));
    assert_eq!(
        call("Functions", "Restrict", &[f, Value::set(vec![Value::str("a")])]),
        Ok(Value::record([("a", int(1))]))
    );
    assert_eq!(call("Functions", "Bijection", &[set(&[1, 2]), set(&[1, 2])]).unwrap().cardinality(), Ok(2));
}

#[test]
fn json_round_trips_records_and_sequences() {
    let v = Value::record([("a", seq(&[1, 2])), ("b", Value::str("x"))]);
    assert_eq!(call("Json", "ToJson", &[v.clone()]), Ok(Value::str("{\"a\":[1,2],\"b\":\"x\"}")));
    let dir = std::env::temp_dir().join(format!("tla2-json-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = Value::str(dir.join("t.ndjson").to_str().unwrap());
    std::fs::write(dir.join("t.ndjson"), "{\"a\":[1,2],\"b\":\"x\"}\n{\"a\":[],\"b\":\"y\"}\n").unwrap();
    let lines = call("Json", "ndJsonDeserialize", &[path]).unwrap();
    assert_eq!(lines.apply(&int(1)), Ok(v));
    assert_eq!(call("Sequences", "Len", &[lines]), Ok(int(2)));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn json_numbers_become_tlc_ints_and_files_are_written_as_tlc_writes_them() {
    use tla2_runtime::ops::json::from_json;
    // TLC 2026.04 read {"a": N} as these integers (Java's asInt: truncation, low 32 bits).
    for (text, expected) in [
        ("2.7", 2),
        ("-1.5", -1),
        ("1e3", 1000),
        ("0.0", 0),
        ("3000000000", -1294967296),
        ("12345678901234567890", -350287150),
    ] {
        let j: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(from_json(&j), Ok(int(expected)), "{text}");
    }
    let null = from_json(&serde_json::Value::Null).unwrap_err();
    assert_eq!(null.message, "Cannot convert value: unsupported JSON value null");
    // TLC writes JsonSerialize without a final newline, ndJsonSerialize with one per line.
    let dir = std::env::temp_dir().join(format!("tla2-json-out-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = |name: &str| Value::str(dir.join(name).to_str().unwrap());
    let rec = Value::record([("a", seq(&[1, 2])), ("b", Value::str("s"))]);
    assert_eq!(call("Json", "JsonSerialize", &[file("o.json"), rec]), Ok(Value::Bool(true)));
    assert_eq!(std::fs::read_to_string(dir.join("o.json")).unwrap(), "{\"a\":[1,2],\"b\":\"s\"}");
    let lines = Value::tuple(vec![Value::record([("a", int(1))]), Value::record([("b", Value::empty_tuple())])]);
    assert_eq!(call("Json", "ndJsonSerialize", &[file("o.ndjson"), lines]), Ok(Value::Bool(true)));
    assert_eq!(std::fs::read_to_string(dir.join("o.ndjson")).unwrap(), "{\"a\":1}\n{\"b\":[]}\n");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn io_utils_read_the_environment_through_the_context() {
    let env = call("IOUtils", "IOEnv", &[]).unwrap();
    assert_eq!(env.field("JSON"), Ok(Value::str("trace.ndjson")));
    assert_eq!(call("IOUtils", "atoi", &[Value::str("42")]), Ok(int(42)));
    assert_eq!(call("IOUtils", "atoi", &[Value::str("-7")]), Ok(int(-7)));
    assert_eq!(call("IOUtils", "atoi", &[Value::str("x")]).unwrap_err().kind, EvalErrorKind::TypeMismatch);
    let out = call("IOUtils", "IOExec", &[Value::tuple(vec![Value::str("echo"), Value::str("hi")])]).unwrap();
    assert_eq!(out.field("exitValue"), Ok(int(0)));
    assert_eq!(out.field("stdout"), Ok(Value::str("hi\n")));
}

#[test]
fn bitwise_and_relation_operators_compute_as_their_definitions() {
    assert_eq!(call("Bitwise", "&", &[int(6), int(3)]), Ok(int(2)));
    assert_eq!(call("Bitwise", "|", &[int(6), int(3)]), Ok(int(7)));
    assert_eq!(call("Bitwise", "^^", &[int(6), int(3)]), Ok(int(5)));
    assert_eq!(call("Bitwise", "shiftR", &[int(6), int(1)]), Ok(int(3)));
    let s = set(&[1, 2, 3]);
    let lt = Value::fun(
        [1, 2, 3]
            .iter()
            .flat_map(|&x| [1, 2, 3].iter().map(move |&y| (seq(&[x, y]), Value::bool(y == x + 1))))
            .collect(),
    );
    let tc = call("Relation", "TransitiveClosure", &[lt.clone(), s.clone()]).unwrap();
    assert_eq!(tc.apply(&seq(&[1, 3])), Ok(Value::bool(true)));
    assert_eq!(call("Relation", "IsTransitive", &[lt, s.clone()]), Ok(Value::bool(false)));
    assert_eq!(call("Relation", "IsTransitive", &[tc, s]), Ok(Value::bool(true)));
}

#[test]
fn tlcext_operators_without_engine_state_work() {
    assert_eq!(call("TLCExt", "TLCModelValue", &[Value::str("m")]), Ok(Value::model_value("m")));
    assert_eq!(call("TLCExt", "AssertEq", &[int(1), int(2)]), Ok(Value::bool(false)));
    assert_eq!(call("TLCExt", "TLCGetOrDefault", &[int(1), int(5)]), Ok(int(5)));
    let ce = Value::record([("state", Value::set(vec![seq(&[2, 20]), seq(&[1, 10])])), ("action", Value::empty_set())]);
    assert_eq!(call("TLCExt", "ToTrace", &[ce]), Ok(seq(&[10, 20])));
}

#[test]
fn every_registered_builtin_is_found_by_lookup() {
    let all = all_builtins();
    assert!(all.len() > 100, "{} builtins", all.len());
    for (module, name) in all {
        assert!(lookup(module, name).is_some(), "{module}!{name}");
    }
    assert!(lookup("Naturals", "NoSuchOperator").is_none());
}

#[test]
fn graph_operators_find_paths_and_components() {
    let edge = |a: i64, b: i64| Value::set(vec![int(a), int(b)]);
    let g = Value::record([("node", set(&[1, 2, 3, 4])), ("edge", Value::set(vec![edge(1, 2), edge(2, 3)]))]);
    assert_eq!(call("UndirectedGraphs", "AreConnectedIn", &[int(1), int(3), g.clone()]), Ok(Value::bool(true)));
    assert_eq!(call("UndirectedGraphs", "AreConnectedIn", &[int(1), int(4), g.clone()]), Ok(Value::bool(false)));
    let comps = call("UndirectedGraphs", "ConnectedComponents", &[g.clone()]).unwrap();
    assert_eq!(comps, Value::set(vec![set(&[1, 2, 3]), set(&[4])]));
    let paths = call("UndirectedGraphs", "SimplePath", &[g]).unwrap();
    assert_eq!(paths.cardinality(), Ok(10), "4 single nodes, 4 two-node paths, 2 three-node paths");
    let dg = Value::record([("node", set(&[1, 2])), ("edge", Value::set(vec![seq(&[1, 2])]))]);
    assert_eq!(call("Graphs", "AreConnectedIn", &[int(2), int(1), dg]), Ok(Value::bool(false)));
}

#[test]
fn csv_write_formats_its_template_as_java_does() {
    assert_eq!(
        tla2_runtime::ops::csv::java_format("%1$s#%2$s%%", &["a".into(), "\"b\"".into()]),
        Ok("a#\"b\"%".to_string())
    );
    assert!(tla2_runtime::ops::csv::java_format("%d", &["1".into()]).is_err());
}

#[test]
fn csv_write_record_appends_headers_then_values_as_tlc_prints_them() {
    // TLC 2026.04 wrote these lines for the same calls (fields named in alphabetical order).
    let path = std::env::temp_dir().join(format!("tla2-csv-record-{}.csv", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let file = Value::str(path.to_str().unwrap());
    let rec = |a: i64, b: &str, c: Value| Value::record([("a", int(a)), ("b", Value::str(b)), ("c", c)]);
    let first = rec(42, "frob", set(&[1, 2]));
    let second = rec(43, "x", Value::empty_tuple());
    let hash = Value::str("#");
    assert_eq!(
        call("CSV", "CSVWriteRecord", &[first, hash.clone(), Value::Bool(true), file.clone()]),
        Ok(Value::Bool(true))
    );
    assert_eq!(
        call("CSV", "CSVWriteRecord", &[second, hash.clone(), Value::Bool(false), file.clone()]),
        Ok(Value::Bool(true))
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let _ = std::fs::remove_file(&path);
    assert_eq!(text, "a#b#c\n42#\"frob\"#{1, 2}\n43#\"x\"#<<>>\n");
    assert!(call("CSV", "CSVWriteRecord", &[seq(&[1]), hash, Value::Bool(true), file]).is_err());
}

#[test]
fn bags_ext_adds_removes_and_folds_every_copy() {
    let b = call("BagsExt", "BagAdd", &[Value::empty_tuple(), int(5)]).unwrap();
    let bb = call("BagsExt", "BagAdd", &[b.clone(), int(5)]).unwrap();
    assert_eq!(call("Bags", "CopiesIn", &[int(5), bb.clone()]), Ok(int(2)));
    assert_eq!(call("BagsExt", "SumBag", &[bb.clone()]), Ok(int(10)));
    assert_eq!(call("BagsExt", "BagRemove", &[bb.clone(), int(5)]), Ok(b));
    assert_eq!(call("BagsExt", "BagRemoveAll", &[bb, int(5)]), Ok(Value::empty_tuple()));
}

struct Field(&'static str);

impl OpArg for Field {
    fn arity(&self) -> usize {
        1
    }
    fn call(&self, a: &[Value]) -> Result<Value, EvalError> {
        if self.0.is_empty() {
            a[0].domain()
        } else {
            a[0].field(self.0)
        }
    }
}

#[test]
fn causal_order_puts_every_event_after_the_events_it_has_seen() {
    let event = |node: &str, a: i64, b: i64| {
        Value::record([("node", Value::str(node)), ("vc", Value::record([("a", int(a)), ("b", int(b))]))])
    };
    let (e1, e2, e3) = (event("a", 1, 0), event("b", 1, 1), event("a", 2, 0));
    let f = lookup("VectorClocks", "CausalOrder").unwrap();
    let log = Value::tuple(vec![e2.clone(), e3.clone(), e1.clone()]);
    let (clock, node, domain) = (Field("vc"), Field("node"), Field(""));
    let r = f(&[Arg::Value(log), Arg::Op(&clock), Arg::Op(&node), Arg::Op(&domain)], &mut Ctx);
    assert_eq!(r, Ok(Value::tuple(vec![e1, e2, e3])));
}

struct IsEven;

impl OpArg for IsEven {
    fn arity(&self) -> usize {
        1
    }
    fn call(&self, a: &[Value]) -> Result<Value, EvalError> {
        Ok(Value::bool(a[0].as_int()? % 2 == 0))
    }
}

#[test]
fn sequences_ext_follows_tlc_overrides_where_they_differ_from_the_definitions() {
    let s = seq(&[1, 2, 3, 4]);
    let sub = call_op("SequencesExt", "SelectInSubSeq", &IsEven, &[s.clone(), int(3), int(4)], &[]).unwrap();
    assert_eq!(sub, int(4), "an index of the whole sequence");
    let last = call_op("SequencesExt", "SelectLastInSeq", &IsEven, &[s.clone()], &[]).unwrap();
    assert_eq!(last, int(4));
    let removed = call_op("SequencesExt", "RemoveFirstMatch", &IsEven, &[s.clone()], &[]).unwrap();
    assert_eq!(removed, seq(&[1, 3, 4]));
    assert_eq!(
        call("SequencesExt", "AllSubSeqs", &[seq(&[1, 2])]),
        Ok(Value::set(vec![seq(&[]), seq(&[1]), seq(&[2]), seq(&[1, 2])]))
    );
    assert_eq!(call("SequencesExt", "Zip", &[seq(&[1, 2]), seq(&[3])]), Ok(Value::tuple(vec![seq(&[1, 3])])));
    assert_eq!(
        call("SequencesExt", "Interleave", &[seq(&[1]), seq(&[2])]),
        Ok(Value::tuple(vec![seq(&[1]), seq(&[2])]))
    );
    let all = call("SequencesExt", "ReplaceAllSubSeqs", &[seq(&[2, 2]), seq(&[1, 1]), seq(&[1, 1, 1])]);
    assert_eq!(all, Ok(seq(&[2, 2, 1])));
    assert_eq!(call("SequencesExt", "ReplaceAllSubSeqs", &[seq(&[4]), seq(&[]), seq(&[])]), Ok(seq(&[4])));
    let first = call("SequencesExt", "ReplaceFirstSubSeq", &[Value::str("x"), Value::str("ab"), Value::str("abab")]);
    assert_eq!(first, Ok(Value::str("xab")));
    let lcp = call("SequencesExt", "LongestCommonPrefix", &[Value::set(vec![Value::str("abc"), Value::str("abd")])]);
    assert_eq!(lcp, Ok(Value::str("ab")));
    assert_eq!(call("SequencesExt", "RemoveFirst", &[seq(&[1, 2, 1]), int(1)]), Ok(seq(&[2, 1])));
    assert_eq!(call("SequencesExt", "IsPrefix", &[Value::str("ab"), Value::str("abc")]), Ok(Value::bool(true)));
    assert_eq!(
        call("SequencesExt", "FlattenSeq", &[Value::tuple(vec![Value::str("a"), Value::str("b")])]),
        Ok(Value::str("ab"))
    );
}

#[test]
fn chi_square_rejects_only_significant_deviations() {
    let expected = seq(&[50, 50]);
    let alpha = Value::str("0.05");
    let far = call("Statistics", "ChiSquare", &[expected.clone(), seq(&[60, 40]), alpha.clone()]);
    assert_eq!(far, Ok(Value::bool(false)), "chi2 = 4, p = 0.0455");
    let near = call("Statistics", "ChiSquare", &[expected, seq(&[55, 45]), alpha]);
    assert_eq!(near, Ok(Value::bool(true)), "chi2 = 1, p = 0.317");
}

#[test]
fn svg_and_dyadic_helpers_compute_as_tlc() {
    let elem = Value::record([
        ("name", Value::str("circle")),
        ("attrs", Value::record([("stroke_width", Value::str("2"))])),
        ("children", Value::empty_tuple()),
        ("innerText", Value::str("<<1>>")),
    ]);
    let text = call("SVG", "SVGElemToString", &[elem]);
    assert_eq!(text, Ok(Value::str("<circle stroke-width='2'>&lt;&lt;1&gt;&gt;</circle>")));
    let p = call("SVG", "NodeOfRingNetwork", &[int(0), int(0), int(10), int(1), int(4)]).unwrap();
    assert_eq!(p, Value::record([("x", int(0)), ("y", int(10))]));
    let half = call("DyadicRationals", "Reduce", &[Value::record([("num", int(2)), ("den", int(4))])]);
    assert_eq!(half, Ok(Value::record([("num", int(1)), ("den", int(2))])));
}

#[test]
fn io_serialize_round_trips_every_kind_of_value() {
    let v = Value::tuple(vec![
        Value::set(vec![int(1), Value::model_value("m")]),
        Value::record([("a", Value::str("x")), ("b", Value::bool(true))]),
        Value::fun(vec![(int(0), Value::interval(1, 2))]),
    ]);
    let path = std::env::temp_dir().join(format!("tla2-ioserialize-{}", std::process::id()));
    let p = Value::str(path.to_str().unwrap());
    assert_eq!(call("IOUtils", "IOSerialize", &[v.clone(), p.clone(), Value::bool(false)]), Ok(Value::bool(true)));
    assert_eq!(call("IOUtils", "IODeserialize", &[p, Value::bool(false)]), Ok(v));
    std::fs::remove_file(path).unwrap();
}

#[test]
fn counter_example_outside_a_failed_postcondition_is_tlcs_empty_one() {
    // TLC prints [state |-> {}, action |-> {}] for CounterExample in an invariant or in the
    // POSTCONDITION of a run without violation, and ToTrace of it is <<>>.
    let ce = call("TLCExt", "CounterExample", &[]).unwrap();
    assert_eq!(ce, Value::record([("action", Value::empty_set()), ("state", Value::empty_set())]));
    assert_eq!(call("TLCExt", "ToTrace", &[ce]), Ok(Value::Tuple(std::sync::Arc::from(Vec::new()))));
}
