---- MODULE Alias ----
\* ALIAS changes how trace states are printed; the violation is still found at the same depth.
EXTENDS Naturals
VARIABLES x, y
Init == x = 0 /\ y = 10
Next == x' = x + 1 /\ y' = y - 1
Inv == x < 4
Al == [sum |-> x + y, x |-> x]
====
