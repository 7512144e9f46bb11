---- MODULE Div ----
EXTENDS Integers
VARIABLE x
Init == x = 2
Next == x' = 6 \div (x - 1)
====
