---- MODULE let_without_in ----
A == LET x == 1
     x + 1
====
