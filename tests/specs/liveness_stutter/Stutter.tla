---- MODULE Stutter ----
\* Without fairness a behaviour may stutter forever in the initial state: <>(x = 2) fails.
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = (x + 1) % 4
Spec == Init /\ [][Next]_x
EventuallyTwo == <>(x = 2)
====
