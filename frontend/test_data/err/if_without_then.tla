---- MODULE if_without_then ----
A == IF x > 0 1 ELSE 2
====
