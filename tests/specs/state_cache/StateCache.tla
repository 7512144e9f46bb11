---- MODULE StateCache ----
\* Sub-expressions that read only the current state are computed once per state inside binder
\* bodies; under a prime the same text reads the next state and must not reuse that value.
EXTENDS Naturals
VARIABLE x

Init == x = 0
Next == \E i \in 1..3 :
          /\ x' = x + i
          /\ (x * 2) # 8 \/ i # 1
          /\ (x * 2)' # 6
          /\ \A j \in {x, x'} : (x + 1) # 12 /\ (x + 1)' # 8

Constraint == x <= 12
Inv == x # 11
====
