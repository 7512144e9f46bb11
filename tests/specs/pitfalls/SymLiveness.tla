---- MODULE SymLiveness ----
\* SYMMETRY with a liveness property (TLC warns), and with a safety-only one (no warning).
EXTENDS TLC
CONSTANT Server
VARIABLE leader
Init == leader \in Server
Next == leader' \in Server
Spec == Init /\ [][Next]_leader /\ WF_leader(Next)
Symm == Permutations(Server)
SomeLeader == <>(leader \in Server)
LeaderOk == [](leader \in Server)
====
