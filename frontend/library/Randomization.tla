---------------------------- MODULE Randomization ---------------------------
(***************************************************************************)
(* Pseudo-random subsets of a set, reproducible for a given state.        *)
(***************************************************************************)
LOCAL INSTANCE Naturals
LOCAL INSTANCE FiniteSets

RandomSubset(k, S) == BUILTIN

RandomSetOfSubsets(k, n, S) == BUILTIN

RandomSubsetSet(k, n, S) == BUILTIN

(***************************************************************************)
(* The sizes of five draws of RandomSetOfSubsets(k, n, S), to help choose *)
(* k.                                                                       *)
(***************************************************************************)
TestRandomSetOfSubsets(k, n, S) ==
  [i \in 1..5 |-> Cardinality(RandomSetOfSubsets(k, n, S))]

=============================================================================
