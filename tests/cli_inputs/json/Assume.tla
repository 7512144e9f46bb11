---- MODULE Assume ----
\* An assumption that the cfg's constant makes false.
EXTENDS Naturals
CONSTANT N
ASSUME N > 5
VARIABLE x
Init == x = N
Next == UNCHANGED x
====
