---- MODULE Unassigned ----
\* An action that forgets to assign y: TLC reports an evaluation error.
EXTENDS Naturals
VARIABLES x, y
Init == x = 0 /\ y = 0
Next == x < 2 /\ x' = x + 1
====
