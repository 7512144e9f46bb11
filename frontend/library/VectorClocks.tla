---------------------------- MODULE VectorClocks ----------------------------
(***************************************************************************)
(* Vector clocks: checking and establishing the causal order of a log.    *)
(***************************************************************************)
EXTENDS Naturals, Sequences, Functions

LOCAL Concurrent(v1, v2) ==
  \E i, j \in DOMAIN v1 : i /= j /\ v1[i] < v2[i] /\ v1[j] > v2[j]

LOCAL HappenedBefore(v1, v2) ==
  (\A i \in DOMAIN v1 : v1[i] <= v2[i]) /\ \E i \in DOMAIN v1 : v1[i] < v2[i]

(***************************************************************************)
(* No entry of log happened after a later entry, clocks being compared on  *)
(* the union of their domains (missing entries count as 0).                *)
(***************************************************************************)
IsCausalOrder(log, clock(_)) ==
  \A i \in 1..Len(log) : \A j \in 1..(i - 1) :
    LET D == DOMAIN clock(log[i]) \cup DOMAIN clock(log[j])
        Padded(c) == [d \in D |-> IF d \in DOMAIN c THEN c[d] ELSE 0]
    IN  HappenedBefore(Padded(clock(log[j])), Padded(clock(log[i])))
        \/ Concurrent(Padded(clock(log[j])), Padded(clock(log[i])))

(***************************************************************************)
(* The log sorted by causal order; implemented natively, as in TLC.       *)
(***************************************************************************)
CausalOrder(log, clock(_), node(_), domain(_)) == BUILTIN

=============================================================================
