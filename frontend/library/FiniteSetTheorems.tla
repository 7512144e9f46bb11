--------------------------- MODULE FiniteSetTheorems -------------------------
(***************************************************************************)
(* Facts about finite sets and their cardinality (TLAPS proof library).   *)
(* Theorems are stated without their proofs.                               *)
(***************************************************************************)
EXTENDS FiniteSets, Integers, Functions, WellFoundedInduction

THEOREM FS_EmptySet == IsFiniteSet({}) /\ Cardinality({}) = 0

THEOREM FS_CardinalityType == \A S : IsFiniteSet(S) => Cardinality(S) \in Nat

THEOREM FS_Singleton == \A x : IsFiniteSet({x}) /\ Cardinality({x}) = 1

THEOREM FS_Interval ==
  \A a, b \in Int : IsFiniteSet(a..b) /\ Cardinality(a..b) = IF a > b THEN 0 ELSE b - a + 1

FiniteSubsetsOf(S) == {T \in SUBSET S : IsFiniteSet(T)}

StrictSubsetOrdering(S) ==
  {p \in (SUBSET S) \X (SUBSET S) : p[1] \subseteq p[2] /\ p[1] /= p[2]}

=============================================================================
