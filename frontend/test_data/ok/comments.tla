This text before the module is ignored, even "an unterminated string.
---- MODULE comments ----
(* A block comment (* with a nested one *) still open *)
\* A line comment
A == 1 \* trailing
(***************************************************************************)
(* --algorithm Foo {                                                       *)
(*   variables x = 0;                                                      *)
(*   { x := 1 }                                                            *)
(* }                                                                       *)
(***************************************************************************)
B == (* inline *) 2
---------------------------------------------------------------------------
C == 3
=============================================================================
Text after the module is ignored too: (* unclosed
