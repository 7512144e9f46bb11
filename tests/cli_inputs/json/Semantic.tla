---- MODULE Semantic ----
\* Uses a name that is defined nowhere.
VARIABLE x
Init == x = 0
Next == x' = Undeclared
====
