---- MODULE Deadlock ----
\* Counts to 3 and then has no enabled action: TLC reports a deadlock.
EXTENDS Naturals
VARIABLES x, done
Init == x = 0 /\ done = FALSE
Inc == x < 3 /\ x' = x + 1 /\ done' = (x + 1 = 3)
Next == Inc
====
