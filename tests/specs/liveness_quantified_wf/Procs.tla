---- MODULE Procs ----
\* Each process counts to 2 under its own weak fairness (\A p \in Procs : WF_vars(Inc(p))).
EXTENDS Naturals
CONSTANT Procs
VARIABLE c
vars == <<c>>
Init == c = [p \in Procs |-> 0]
Inc(p) == c[p] < 2 /\ c' = [c EXCEPT ![p] = c[p] + 1]
Next == \E p \in Procs : Inc(p)
Spec == Init /\ [][Next]_vars /\ \A p \in Procs : WF_vars(Inc(p))
AllDone == <>(\A p \in Procs : c[p] = 2)
Monotone == [][\A p \in Procs : c'[p] >= c[p]]_vars
EachLeadsToTwo == \A p \in Procs : (c[p] = 1) ~> (c[p] = 2)
====
