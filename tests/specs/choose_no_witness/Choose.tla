---- MODULE Choose ----
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = CHOOSE y \in 0..5 : y > x /\ y < 3
====
