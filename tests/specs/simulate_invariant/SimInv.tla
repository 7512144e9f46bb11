---- MODULE SimInv ----
\* Every behaviour of 20 steps violates Inv: x grows by 1 or 2 per step.
EXTENDS Naturals
VARIABLES x, y
Init == x = 0 /\ y \in {0, 1}
Step1 == x' = x + 1 /\ y' = y
Step2 == x' = x + 2 /\ y' = 1 - y
Next == Step1 \/ Step2
Inv == x < 10
====
