---- MODULE Stop ----
\* Counts to 3 and then has no enabled action: a deadlock at the fourth state.
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x < 3 /\ x' = x + 1
====
