---- MODULE Counter ----
\* An unbounded counter cut off by a state CONSTRAINT.
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = x + 1 \/ x' = x + 2
Small == x < 7
TypeOK == x \in Nat
====
