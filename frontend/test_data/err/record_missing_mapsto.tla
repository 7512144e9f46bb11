---- MODULE record_missing_mapsto ----
A == [a |-> 1, b = 2]
====
