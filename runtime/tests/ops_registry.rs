//! The registry covers every operator that the embedded library declares `BUILTIN` (the list
//! below mirrors `frontend/library/*.tla`; the frontend's own cross-check test is authoritative).

use tla2_runtime::ops::{lookup, Arg, BuiltinContext};
use tla2_runtime::value::{EvalError, Value};

/// Library builtins that need more than their arguments' values, implemented by the engines
/// themselves (interpreter `eval/special.rs`, codegen `expr.rs`).
const ENGINE_BUILTINS: &[(&str, &str)] = &[("TLCExt", "AssertError")];

/// Library builtins that tla2 does not implement: evaluating one is the error of
/// `ops::unsupported`, which names it and says why.
const NOT_IMPLEMENTED: &[(&str, &str)] = &[
    ("TLCExt", "Trace"),
    ("TLCExt", "PickSuccessor"),
    ("TLCExt", "TLCEvalDefinition"),
    ("SVG", "NodesOfDirectedMultiGraph"),
];

/// (module, operator, arity) of every `BUILTIN` in `frontend/library/*.tla`, tab-separated.
const LIBRARY_BUILTINS: &str = "\
Bags	IsABag	1\n\
Bags	BagToSet	1\n\
Bags	SetToBag	1\n\
Bags	BagIn	2\n\
Bags	EmptyBag	0\n\
Bags	\\oplus	2\n\
Bags	\\ominus	2\n\
Bags	BagUnion	1\n\
Bags	\\sqsubseteq	2\n\
Bags	BagOfAll	2\n\
Bags	BagCardinality	1\n\
Bags	CopiesIn	2\n\
BagsExt	FoldBag	3\n\
Bitwise	&	2\n\
Bitwise	|	2\n\
Bitwise	^^	2\n\
Bitwise	Not	1\n\
Bitwise	shiftR	2\n\
CSV	CSVWrite	3\n\
CSV	CSVWriteRecord	4\n\
CSV	CSVRead	3\n\
CSV	CSVRecords	1\n\
DyadicRationals	Reduce	1\n\
FiniteSets	IsFiniteSet	1\n\
FiniteSets	Cardinality	1\n\
FiniteSetsExt	FoldSet	3\n\
FiniteSetsExt	Quantify	2\n\
FiniteSetsExt	kSubset	2\n\
Folds	MapThenFoldSet	5\n\
Functions	AntiFunction	1\n\
Functions	IsInjective	1\n\
Functions	FoldFunctionOnSet	4\n\
Functions	FoldFunction	3\n\
Graphs	SimplePath	1\n\
Graphs	AreConnectedIn	3\n\
Graphs	IsStronglyConnected	1\n\
IOUtils	IOSerialize	3\n\
IOUtils	IODeserialize	2\n\
IOUtils	Serialize	3\n\
IOUtils	Deserialize	2\n\
IOUtils	IOExec	1\n\
IOUtils	IOEnvExec	2\n\
IOUtils	IOExecTemplate	2\n\
IOUtils	IOEnvExecTemplate	3\n\
IOUtils	IOEnv	0\n\
IOUtils	atoi	1\n\
Integers	Int	0\n\
Integers	-.	1\n\
Json	ToJson	1\n\
Json	ToJsonArray	1\n\
Json	ToJsonObject	1\n\
Json	JsonSerialize	2\n\
Json	JsonDeserialize	1\n\
Json	ndJsonSerialize	2\n\
Json	ndJsonDeserialize	1\n\
Naturals	Nat	0\n\
Naturals	+	2\n\
Naturals	-	2\n\
Naturals	*	2\n\
Naturals	^	2\n\
Naturals	<	2\n\
Naturals	>	2\n\
Naturals	<=	2\n\
Naturals	>=	2\n\
Naturals	%	2\n\
Naturals	\\div	2\n\
Naturals	..	2\n\
Randomization	RandomSubset	2\n\
Randomization	RandomSetOfSubsets	3\n\
Randomization	RandomSubsetSet	3\n\
Reals	Real	0\n\
Reals	/	2\n\
Reals	Infinity	0\n\
SVG	SVGElemToString	1\n\
SVG	NodeOfRingNetwork	5\n\
SVG	NodesOfDirectedMultiGraph	3\n\
SVG	PointOnLine	3\n\
Sequences	Seq	1\n\
Sequences	Len	1\n\
Sequences	\\o	2\n\
Sequences	Append	2\n\
Sequences	Head	1\n\
Sequences	Tail	1\n\
Sequences	SubSeq	3\n\
Sequences	SelectSeq	2\n\
SequencesExt	SetToSeq	1\n\
SequencesExt	SetToSeqs	1\n\
SequencesExt	Contains	2\n\
SequencesExt	SelectInSeq	2\n\
SequencesExt	SelectInSubSeq	4\n\
SequencesExt	SelectLastInSeq	2\n\
SequencesExt	SelectLastInSubSeq	4\n\
SequencesExt	RemoveFirst	2\n\
SequencesExt	RemoveFirstMatch	2\n\
SequencesExt	IsPrefix	2\n\
SequencesExt	LongestCommonPrefix	1\n\
SequencesExt	Suffixes	1\n\
SequencesExt	FoldSeq	3\n\
SequencesExt	FoldLeft	3\n\
SequencesExt	FoldRight	3\n\
SequencesExt	FoldLeftDomain	3\n\
SequencesExt	FoldRightDomain	3\n\
SequencesExt	AllSubSeqs	1\n\
SequencesExt	ReplaceFirstSubSeq	3\n\
SequencesExt	ReplaceAllSubSeqs	3\n\
Statistics	ChiSquare	3\n\
TLC	Print	2\n\
TLC	PrintT	1\n\
TLC	Assert	2\n\
TLC	JavaTime	0\n\
TLC	TLCGet	1\n\
TLC	TLCSet	2\n\
TLC	:>	2\n\
TLC	@@	2\n\
TLC	Permutations	1\n\
TLC	SortSeq	2\n\
TLC	RandomElement	1\n\
TLC	Any	0\n\
TLC	ToString	1\n\
TLC	TLCEval	1\n\
TLCExt	AssertEq	2\n\
TLCExt	AssertError	2\n\
TLCExt	TLCGetOrDefault	2\n\
TLCExt	TLCGetAndSet	4\n\
TLCExt	Trace	0\n\
TLCExt	CounterExample	0\n\
TLCExt	ToTrace	1\n\
TLCExt	TLCModelValue	1\n\
TLCExt	TLCDefer	1\n\
TLCExt	TLCNoOp	1\n\
TLCExt	PickSuccessor	1\n\
TLCExt	TLCCache	2\n\
TLCExt	TLCFP	1\n\
TLCExt	TLCEvalDefinition	1\n\
UndirectedGraphs	SimplePath	1\n\
UndirectedGraphs	AreConnectedIn	3\n\
UndirectedGraphs	ConnectedComponents	1\n\
VectorClocks	CausalOrder	4\n\
";

#[test]
fn every_library_builtin_has_an_implementation() {
    let mut missing = Vec::new();
    for line in LIBRARY_BUILTINS.lines().filter(|l| !l.is_empty()) {
        let mut cols = line.split('\t');
        let (Some(module), Some(name)) = (cols.next(), cols.next()) else { continue };
        let known_gap = ENGINE_BUILTINS.contains(&(module, name)) || NOT_IMPLEMENTED.contains(&(module, name));
        if lookup(module, name).is_none() && !known_gap {
            missing.push(format!("{module}!{name}"));
        }
    }
    assert!(missing.is_empty(), "missing builtins: {missing:?}");
}

#[test]
fn the_known_gaps_are_still_gaps() {
    for (module, name) in ENGINE_BUILTINS.iter().chain(NOT_IMPLEMENTED) {
        assert!(lookup(module, name).is_none(), "{module}!{name} is implemented now: update the lists");
    }
}

#[test]
fn core_operators_that_lowering_maps_are_registered() {
    for name in ["\\cup", "\\cap", "\\", "\\subseteq", "SUBSET", "UNION", "DOMAIN", "\\X", "STRING"] {
        assert!(lookup("Core", name).is_some(), "Core!{name}");
    }
}

/// A context that refuses everything: the arity test only needs the builtins to get past their
/// argument count.
struct NoEngine;

impl BuiltinContext for NoEngine {
    fn print(&mut self, _: &str) {}
    fn tlc_get(&mut self, _: &Value) -> Result<Value, EvalError> {
        Err(EvalError::other("no engine"))
    }
    fn tlc_set(&mut self, _: &Value, _: Value) -> Result<(), EvalError> {
        Err(EvalError::other("no engine"))
    }
    fn random_u64(&mut self) -> u64 {
        0
    }
    fn env_var(&self, _: &str) -> Option<String> {
        None
    }
    fn env_vars(&self) -> Vec<(String, String)> {
        Vec::new()
    }
}

#[test]
fn every_library_builtin_accepts_its_declared_number_of_arguments() {
    let mut wrong = Vec::new();
    for line in LIBRARY_BUILTINS.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        let [module, name, arity] = cols[..] else { continue };
        let (Some(f), Ok(arity)) = (lookup(module, name), arity.parse::<usize>()) else { continue };
        let args: Vec<Arg<'_>> = (0..arity).map(|_| Arg::Value(Value::str("/nonexistent/tla2"))).collect();
        if let Err(e) = f(&args, &mut NoEngine) {
            if e.message.contains("arguments") && e.message.contains(name) {
                wrong.push(format!("{module}!{name}/{arity}: {}", e.message));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn the_operators_left_out_are_reported_by_name_with_a_reason() {
    for (module, name) in NOT_IMPLEMENTED {
        let e = tla2_runtime::ops::unsupported(module, name);
        assert_eq!(e.kind, tla2_runtime::value::EvalErrorKind::Unsupported);
        let prefix = format!("The operator {name} of module {module} is not implemented by tla2: ");
        assert!(e.message.starts_with(&prefix), "{}", e.message);
    }
}
