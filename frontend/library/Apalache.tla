------------------------------- MODULE Apalache ------------------------------
(***************************************************************************)
(* Apalache's annotation operators, with the meaning they have for an     *)
(* explicit-state checker such as TLC: most are the identity on their      *)
(* argument.  Gen, which only a symbolic checker can evaluate, is left out. *)
(***************************************************************************)
LOCAL INSTANCE Integers
LOCAL INSTANCE Sequences
LOCAL INSTANCE TLC

(***************************************************************************)
(* An assignment annotation: for TLC simply an equation.                  *)
(***************************************************************************)
x := e == x = e

Skolem(e) == e

Expand(S) == S

ConstCardinality(cardExpr) == cardExpr

Guess(S) == CHOOSE x \in S : TRUE

(***************************************************************************)
(* The first len elements of fn as a sequence; capacity only bounds the   *)
(* length for Apalache.                                                    *)
(***************************************************************************)
FunAsSeq(fn, len, capacity) == [i \in 1..len |-> fn[i]]

(***************************************************************************)
(* Folds S with op, starting from v.  Apalache requires op to be           *)
(* associative and commutative, so the order does not matter.             *)
(***************************************************************************)
RECURSIVE ApaFoldSet(_, _, _)
ApaFoldSet(Op(_, _), v, S) ==
  IF S = {} THEN v
  ELSE LET w == CHOOSE y \in S : TRUE
       IN  Op(ApaFoldSet(Op, v, S \ {w}), w)

RECURSIVE ApaFoldSeqLeft(_, _, _)
ApaFoldSeqLeft(Op(_, _), v, seq) ==
  IF seq = <<>> THEN v ELSE ApaFoldSeqLeft(Op, Op(v, Head(seq)), Tail(seq))

MkSeq(N, F(_)) == [i \in 1..N |-> F(i)]

(***************************************************************************)
(* F applied N times: F(...F(F(x, 1), 2)..., N).                           *)
(***************************************************************************)
Repeat(F(_, _), N, x) ==
  LET Iter[i \in 0..N] == IF i = 0 THEN x ELSE F(Iter[i - 1], i)
  IN  Iter[N]

(***************************************************************************)
(* The function whose graph is the set of pairs S (a pair per argument).  *)
(***************************************************************************)
SetAsFun(S) ==
  [x \in {p[1] : p \in S} |-> CHOOSE y \in {p[2] : p \in S} : <<x, y>> \in S]

=============================================================================
