---- MODULE Cycle ----
\* Liveness in simulation: TLC checks each behaviour, every state of which may stutter forever
\* unless fairness forbids it. Without fairness <>(x = 4) fails; with WF it holds.
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = (x + 1) % 5
Spec == Init /\ [][Next]_x
FairSpec == Spec /\ WF_x(Next)
Reaches4 == <>(x = 4)
====
