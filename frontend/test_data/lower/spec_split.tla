---- MODULE spec_split ----
\* SPECIFICATION unfolding: init, [][Next]_vars, WF/SF (also under \A) and temporal properties.
EXTENDS Naturals
CONSTANT Procs
VARIABLES pc, count
vars == <<pc, count>>

Init == pc = [p \in Procs |-> "idle"] /\ count = 0
Go(p) == pc[p] = "idle" /\ pc' = [pc EXCEPT ![p] = "busy"] /\ count' = count + 1
Stop(p) == pc[p] = "busy" /\ pc' = [pc EXCEPT ![p] = "idle"] /\ UNCHANGED count
Next == \E p \in Procs : Go(p) \/ Stop(p)

Fairness == \A p \in Procs : WF_vars(Stop(p)) /\ SF_vars(Go(p))
Spec == Init /\ [][Next]_vars /\ Fairness

TypeOK == count \in Nat
Progress == \A p \in Procs : pc[p] = "busy" ~> pc[p] = "idle"
Bound == count < 3
====
