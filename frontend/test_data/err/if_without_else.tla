---- MODULE if_without_else ----
A == IF x > 0 THEN 1
B == 2
====
