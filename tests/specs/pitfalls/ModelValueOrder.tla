---- MODULE ModelValueOrder ----
\* Model values have no order in TLC: p1 < p2 is an error.
EXTENDS Naturals
CONSTANT Procs
VARIABLE leader
Init == leader \in Procs
Next == \E p \in Procs : p < leader /\ leader' = p
====
