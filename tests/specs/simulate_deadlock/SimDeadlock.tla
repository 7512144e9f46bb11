---- MODULE SimDeadlock ----
\* Every behaviour deadlocks once x reaches 5 or 6.
EXTENDS Naturals
VARIABLE x
Init == x \in 0..2
Next == x < 5 /\ x' \in {x + 1, x + 2}
====
