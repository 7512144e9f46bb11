---- MODULE SimConstraint ----
\* In simulation TLC reports a deadlock when every successor violates the CONSTRAINT (BFS does
\* not): x = 11 has the successor 12 only.
EXTENDS Naturals
VARIABLE x
Init == x = 10
Next == x' = x + 1
Constr == x < 12
====
