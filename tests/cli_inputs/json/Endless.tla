---- MODULE Endless ----
\* A chain of a hundred million states: long enough that a short --timeout always stops it.
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = (x + 1) % 100000000
====
