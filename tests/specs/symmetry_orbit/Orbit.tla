---- MODULE Orbit ----
\* SYMMETRY without a VIEW over two symmetry sets (Permutations(Proc) \union Permutations(Val)):
\* model values inside a function, a set of records, a sequence and a set of sets, so that the
\* orbit of a state is found through every kind of value. Pinned from TLC.
EXTENDS Naturals, Sequences, FiniteSets, TLC
CONSTANTS Proc, Val, MaxMsgs
VARIABLES owner, msgs, log, groups

Perms == Permutations(Proc) \union Permutations(Val)

Init == /\ owner = [v \in Val |-> CHOOSE p \in Proc : TRUE]
        /\ msgs = {}
        /\ log = <<>>
        /\ groups = {}

Send(p, v) == /\ Cardinality(msgs) < MaxMsgs
              /\ msgs' = msgs \cup {[from |-> p, val |-> v]}
              /\ UNCHANGED <<owner, log, groups>>

Take(p, v) == /\ [from |-> p, val |-> v] \in msgs
              /\ owner' = [owner EXCEPT ![v] = p]
              /\ log' = IF Len(log) < 2 THEN Append(log, p) ELSE log
              /\ groups' = groups \cup {{p, owner[v]}}
              /\ UNCHANGED msgs

Next == \E p \in Proc, v \in Val : Send(p, v) \/ Take(p, v)

Spec == Init /\ [][Next]_<<owner, msgs, log, groups>>

TypeOK == /\ owner \in [Val -> Proc]
          /\ Len(log) <= 2
====
