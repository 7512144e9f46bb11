---- MODULE InitSets ----
\* Init predicates with \in, conjunctions, \E and disjunction produce many initial states.
EXTENDS Naturals
VARIABLES x, y, s
Init == /\ x \in 1..3
        /\ \/ y = x
           \/ y \in {10, 20}
        /\ \E k \in 0..1 : s = [v |-> x, k |-> k]
Next == UNCHANGED <<x, y, s>>
Inv == s.v = x
====
