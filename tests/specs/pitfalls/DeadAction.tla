---- MODULE DeadAction ----
\* Reset waits for x > 5, which the bound of Inc never lets happen: a dead action.
EXTENDS Naturals
VARIABLE x
Init == x = 0
Inc == x < 3 /\ x' = x + 1
Reset == x > 5 /\ x' = 0
Stay == x = 3 /\ UNCHANGED x
Next == Inc \/ Reset \/ Stay
====
