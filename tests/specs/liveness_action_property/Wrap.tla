---- MODULE Wrap ----
\* [][x' > x]_x fails when the counter wraps around.
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = (x + 1) % 3
Spec == Init /\ [][Next]_x /\ WF_x(Next)
Increasing == [][x' > x]_x
====
