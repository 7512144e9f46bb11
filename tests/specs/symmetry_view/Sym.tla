---- MODULE Sym ----
\* Processes hold tokens; SYMMETRY over processes and a VIEW that drops a fault counter.
EXTENDS Naturals, FiniteSets, TLC
CONSTANTS Proc, Token, MaxFaults
VARIABLES holder, faults
vars == <<holder, faults>>
Init == holder = [t \in Token |-> CHOOSE p \in Proc : TRUE] /\ faults = 0
Pass == \E t \in Token, p \in Proc : holder' = [holder EXCEPT ![t] = p] /\ UNCHANGED faults
Fault == faults < MaxFaults /\ faults' = faults + 1 /\ UNCHANGED holder
Next == Pass \/ Fault
Spec == Init /\ [][Next]_vars
Perms == Permutations(Proc) \union Permutations(Token)
View == holder
TypeOK == holder \in [Token -> Proc]
====
