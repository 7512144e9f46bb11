------------------------ MODULE FiniteSetsExtTheorems ------------------------
(***************************************************************************)
(* Facts about the FiniteSetsExt operators (proof library).  Theorems are *)
(* stated without their proofs.                                            *)
(***************************************************************************)
EXTENDS FiniteSetsExt, FiniteSets, Integers

THEOREM SumSetEmpty == SumSet({}) = 0

THEOREM ProductSetEmpty == ProductSet({}) = 1

THEOREM MaxInterval == \A a, b \in Int : a <= b => Max(a..b) = b

THEOREM MinInterval == \A a, b \in Int : a <= b => Min(a..b) = a

=============================================================================
