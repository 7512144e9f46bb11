---- MODULE chained_less ----
A == 0 < x < 10
====
