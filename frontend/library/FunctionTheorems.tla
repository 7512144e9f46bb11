--------------------------- MODULE FunctionTheorems --------------------------
(***************************************************************************)
(* Facts about functions, injections and bijections (proof library).      *)
(* Theorems are stated without their proofs.                               *)
(***************************************************************************)
EXTENDS Functions, Integers, FiniteSets

THEOREM Fun_RangeProperties ==
  \A S, T : \A f \in [S -> T] : Range(f) \subseteq T

THEOREM Fun_IsInjectiveOnEmpty == \A f : DOMAIN f = {} => IsInjective(f)

=============================================================================
