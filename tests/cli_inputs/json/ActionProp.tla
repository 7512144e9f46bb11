---- MODULE ActionProp ----
\* An action property [][x' > x]_x that the wrap-around step violates.
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = (x + 1) % 3
Increasing == [][x' > x]_x
====
