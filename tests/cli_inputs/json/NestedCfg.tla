---- MODULE NestedCfg ----
\* A constant that the cfg tries to give a nested tuple value, which TLC's cfg cannot express.
CONSTANT Clauses
VARIABLE x
Init == x = Clauses
Next == UNCHANGED x
====
