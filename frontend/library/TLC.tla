-------------------------------- MODULE TLC ---------------------------------
(***************************************************************************)
(* TLC's own operators: printing, assertions, TLC registers, function     *)
(* constructors and a few helpers.  All are implemented natively.          *)
(***************************************************************************)
LOCAL INSTANCE Naturals
LOCAL INSTANCE Sequences
LOCAL INSTANCE FiniteSets

Print(out, val) == BUILTIN

PrintT(out) == BUILTIN

Assert(val, out) == BUILTIN

JavaTime == BUILTIN

TLCGet(i) == BUILTIN

TLCSet(i, v) == BUILTIN

d :> e == BUILTIN

f @@ g == BUILTIN

Permutations(S) == BUILTIN

SortSeq(s, Op(_, _)) == BUILTIN

RandomElement(s) == BUILTIN

Any == BUILTIN

ToString(v) == BUILTIN

TLCEval(v) == BUILTIN

=============================================================================
