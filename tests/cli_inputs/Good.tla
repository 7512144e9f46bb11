---- MODULE Good ----
EXTENDS Naturals
CONSTANT N
VARIABLE x
Init == x = 0
Inc == x < N /\ x' = x + 1
Reset == x = N /\ x' = 0
Next == Inc \/ Reset
====
