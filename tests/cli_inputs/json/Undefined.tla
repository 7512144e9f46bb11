---- MODULE Undefined ----
\* A function applied outside its domain.
EXTENDS Naturals
VARIABLE x
f == [n \in 1..2 |-> n * 10]
Init == x = 1
Next == x' = f[x + 1]
====
