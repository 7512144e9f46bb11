---- MODULE SimBounded ----
\* A random walk that never leaves -20..20 in 20 steps; the ACTION_CONSTRAINT forbids
\* stuttering, so no state ever lacks an allowed successor.
EXTENDS Integers
VARIABLE x
Init == x \in {-1, 0, 1}
Next == x' \in {x - 1, x, x + 1}
Moves == x' # x
Inv == x \in -21..21
====
