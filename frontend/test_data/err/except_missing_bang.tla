---- MODULE except_missing_bang ----
A == [f EXCEPT [1] = 2]
====
