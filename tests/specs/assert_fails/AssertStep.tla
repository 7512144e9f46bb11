---- MODULE AssertStep ----
EXTENDS Naturals, TLC
VARIABLE x
Init == x = 0
Next == /\ x' = x + 1
        /\ Assert(x' < 4, "x grew too large")
====
