---- MODULE SymLive ----
\* SYMMETRY together with a temporal PROPERTY: TLC warns that violations may be missed.
EXTENDS TLC
CONSTANT Procs
VARIABLE owner
Init == owner \in Procs
Next == \E p \in Procs : owner' = p
Spec == Init /\ [][Next]_owner /\ WF_owner(Next)
Sym == Permutations(Procs)
AlwaysOwned == []<>(owner \in Procs)
====
