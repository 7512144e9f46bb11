------------------------------ MODULE Statistics -----------------------------
(***************************************************************************)
(* Statistical tests over the values a simulation produced.               *)
(***************************************************************************)
EXTENDS Naturals

(***************************************************************************)
(* TRUE iff the observed frequencies `actual` fit the `expected` ones by  *)
(* Pearson's chi-square test at significance level alpha.                  *)
(***************************************************************************)
ChiSquare(expected, actual, alpha) == BUILTIN

=============================================================================
