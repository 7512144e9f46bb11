---- MODULE Endless ----
\* A counter that never stops: for tests that interrupt a run.
EXTENDS Naturals
VARIABLES x, y
Init == x = 0 /\ y = 0
Next == \/ x' = x + 1 /\ y' = y
        \/ y' = 1 - y /\ x' = x
====
