---- MODULE Spill ----
\* A few thousand states of mixed values (strings, model values, records, sets, sequences,
\* functions) for runs that spill the seen set, the parent links and the queue to disk.
EXTENDS Naturals, Sequences
CONSTANTS Procs
VARIABLES x, y, msgs, who

Init == x = 0 /\ y = [n |-> 0, tag |-> {}] /\ msgs = <<>> /\ who = [p \in Procs |-> "idle"]

A == x' = (x + 1) % 20 /\ UNCHANGED <<y, msgs, who>>
B == y' = [n |-> (y.n + 3) % 10, tag |-> {x % 2}] /\ UNCHANGED <<x, msgs, who>>
C(p) == /\ who' = [who EXCEPT ![p] = IF who[p] = "idle" THEN "busy" ELSE "idle"]
        /\ msgs' = IF Len(msgs) < 2 THEN Append(msgs, {p}) ELSE Tail(msgs)
        /\ UNCHANGED <<x, y>>
Next == A \/ B \/ \E p \in Procs : C(p)

Inv == ~(x = 19 /\ y.n = 7 /\ who = [p \in Procs |-> "busy"] /\ Len(msgs) = 2)
====
