---------------------------- MODULE FoldsTheorems ----------------------------
(***************************************************************************)
(* Facts about MapThenFoldSet (proof library).  Theorems are stated        *)
(* without their proofs.                                                   *)
(***************************************************************************)
EXTENDS Folds, FiniteSets

THEOREM MapThenFoldSetEmpty ==
  \A base : MapThenFoldSet(LAMBDA x, y : x, base, LAMBDA x : x, LAMBDA T : CHOOSE t \in T : TRUE, {}) = base

=============================================================================
