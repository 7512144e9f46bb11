---- MODULE SimNoInit ----
\* No initial state satisfies the CONSTRAINT: TLC's simulator stops with an error (exit 255).
EXTENDS Naturals
VARIABLE x
Init == x \in {20, 30}
Next == x' = x + 1
Constr == x < 12
====
