---- MODULE assume ----
CONSTANT N
ASSUME N \in Nat
ASSUMPTION Big == N > 10
AXIOM N = N
====
