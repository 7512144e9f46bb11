---------------------------- MODULE FiniteSetsExt ---------------------------
(***************************************************************************)
(* More operators on finite sets: folds, sums, extremes, k-subsets.       *)
(***************************************************************************)
EXTENDS Integers, FiniteSets, Folds, Functions

FoldSet(op(_, _), base, set) == BUILTIN

SumSet(set) == FoldSet(+, 0, set)

ProductSet(set) == FoldSet(LAMBDA a, b : a * b, 1, set)

ReduceSet(op(_, _), set, acc) == FoldSet(op, acc, set)

MapThenSumSet(op(_), set) ==
  MapThenFoldSet(+, 0, op, LAMBDA T : CHOOSE t \in T : TRUE, set)

FlattenSet(S) == UNION S

SymDiff(A, B) == (A \ B) \cup (B \ A)

Quantify(S, P(_)) == BUILTIN

kSubset(k, S) == BUILTIN

Max(S) == CHOOSE x \in S : \A y \in S : x >= y

Min(S) == CHOOSE x \in S : \A y \in S : x <= y

(***************************************************************************)
(* Every set that takes exactly one element from each set of Sets.        *)
(***************************************************************************)
Choices(Sets) ==
  LET Pickers == {f \in [Sets -> UNION Sets] : \A T \in Sets : f[T] \in T}
  IN  {Range(f) : f \in Pickers}

ChooseUnique(S, P(_)) == CHOOSE x \in S : P(x) /\ \A y \in S : P(y) => y = x

=============================================================================
