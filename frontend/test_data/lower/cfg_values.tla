---- MODULE cfg_values ----
\* cfg values: a definition given a value, model values, an undeclared name, SPECIFICATION with INIT.
EXTENDS Naturals
CONSTANTS Procs, None
VARIABLE x
Limit == 10
Init == x = None
Next == x' \in Procs /\ Limit > 0
Spec == Init /\ [][Next]_x
====
