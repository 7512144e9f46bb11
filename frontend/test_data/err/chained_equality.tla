---- MODULE chained_equality ----
A == a = b = c
====
