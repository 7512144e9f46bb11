---- MODULE bad_junction_alignment ----
Inv == x = 1 /\ y = 2
   \/ z = 3
====
