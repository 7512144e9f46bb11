---- MODULE junction_end_by_column ----
\* An item continues while its tokens are right of the bullet.
A == /\ a
       = b
     /\ f(c,
d)
B == /\ x
     \/ y
C == /\ p
        /\ q
====
