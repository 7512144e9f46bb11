---- MODULE DivZero ----
\* An integer division by zero in the next-state relation.
EXTENDS Integers
VARIABLE x
Init == x = 1
Next == x' = 10 \div (x - 1)
====
