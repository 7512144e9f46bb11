---- MODULE ActCon ----
\* An ACTION_CONSTRAINT that forbids steps increasing x by more than 1.
EXTENDS Naturals
VARIABLES x, y
Init == x = 0 /\ y = 0
Next == \/ /\ x < 6 /\ x' \in {x + 1, x + 2} /\ y' = y
        \/ /\ y < 2 /\ y' = y + 1 /\ x' = x
SmallSteps == x' - x <= 1
====
