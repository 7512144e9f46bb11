---- MODULE mixed_and_or ----
A == a /\ b \/ c
====
