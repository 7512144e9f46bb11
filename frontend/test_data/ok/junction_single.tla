---- MODULE junction_single ----
A == /\ a
B == \/ b
C == IF /\ p
        /\ q
     THEN 1
     ELSE 2
====
