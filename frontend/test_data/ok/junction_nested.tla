---- MODULE junction_nested ----
A == /\ \/ a
        \/ b
     /\ c
B == /\ /\ a
        /\ b
     /\ c
C == \/ /\ a
     \/ /\ b
        /\ c
====
