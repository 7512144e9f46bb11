---- MODULE LiveNoFair ----
\* A liveness property on a spec without fairness: stuttering alone violates it.
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x < 3 /\ x' = x + 1
Spec == Init /\ [][Next]_x
Reaches == <>(x = 3)
AlwaysSmall == [](x <= 3)
====
