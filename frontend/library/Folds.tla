-------------------------------- MODULE Folds -------------------------------
(***************************************************************************)
(* Folding a set: the generic fold the other community modules build on. *)
(***************************************************************************)

(***************************************************************************)
(* Maps each element x of S with f and combines the results with op,      *)
(* starting from base; choose(T) picks the next element of the remaining   *)
(* set T.  TLC evaluates this recursion lazily, one element at a time; it  *)
(* is implemented natively for the same reason.                            *)
(***************************************************************************)
MapThenFoldSet(op(_, _), base, f(_), choose(_), S) == BUILTIN

=============================================================================
