---- MODULE Mv ----
\* Model values and sets of model values from the cfg; a violation whose trace prints them.
EXTENDS Naturals, FiniteSets
CONSTANTS Procs, NoProc
VARIABLES owner, waiting
Init == owner = NoProc /\ waiting = {}
Request == \E p \in Procs : p \notin waiting /\ waiting' = waiting \cup {p} /\ UNCHANGED owner
Grant == owner = NoProc /\ \E p \in waiting : owner' = p /\ waiting' = waiting \ {p}
Release == owner /= NoProc /\ owner' = NoProc /\ UNCHANGED waiting
Next == Request \/ Grant \/ Release
NotAllWaiting == Cardinality(waiting) < 3
====
