---- MODULE Arity ----
EXTENDS Naturals
VARIABLE x
Step(n) == x' = x + n
Next == Step(1) \/ Step(2)
Init == x = 0
MCStep == x < 5 /\ x' = x + 1
====
