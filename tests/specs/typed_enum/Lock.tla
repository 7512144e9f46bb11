---- MODULE Lock ----
\* Typed mode: process states as strings, processes as model values, a set of them as a
\* bitset; the lock is passed on release. NoCS fails when a process enters its critical section.
CONSTANT P
VARIABLES pc, owner, held
Init == pc = [p \in P |-> "idle"] /\ owner \in P /\ held = {}
Next == \E p \in P :
          \/ pc[p] = "idle" /\ pc' = [pc EXCEPT ![p] = "wait"] /\ UNCHANGED <<owner, held>>
          \/ /\ pc[p] = "wait" /\ owner = p
             /\ pc' = [pc EXCEPT ![p] = "cs"] /\ held' = held \cup {p} /\ UNCHANGED owner
          \/ /\ pc[p] = "cs" /\ pc' = [pc EXCEPT ![p] = "idle"] /\ held' = held \ {p}
             /\ owner' \in P \ {p}
TypeOK == pc \in [P -> {"idle", "wait", "cs"}] /\ owner \in P
Mutex == \A p, q \in P : pc[p] = "cs" /\ pc[q] = "cs" => p = q
NoCS == held = {}
====
