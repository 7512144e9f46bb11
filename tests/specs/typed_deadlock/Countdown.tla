---- MODULE Countdown ----
\* Typed mode: counters that count down to 0 and stop (deadlock when all are 0).
EXTENDS Naturals
CONSTANT N
VARIABLE cnt
Init == cnt = [i \in 1..N |-> i]
Next == \E i \in 1..N : cnt[i] > 0 /\ cnt' = [cnt EXCEPT ![i] = @ - 1]
====
