---- MODULE selectors_and_opargs ----
Sum(f) == FoldFunction(+, 0, f)
Inter(S) == ReduceSet(\cap, S, {})
A == /\ Inv!2
ASSUME Thm!:
====
