---- MODULE Stops ----
\* Deadlocks when x reaches 2; run with -deadlock to hide it.
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x < 2 /\ x' = x + 1
====
