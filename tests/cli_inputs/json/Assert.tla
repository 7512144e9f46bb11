---- MODULE Assert ----
\* An Assert that fails in the second step.
EXTENDS Naturals, TLC
VARIABLE x
Init == x = 0
Next == x' = x + 1 /\ Assert(x < 1, "x must stay below 1")
====
