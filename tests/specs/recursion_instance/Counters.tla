---- MODULE Counters ----
\* The instantiated module: a counter bounded by Limit, over variable c.
EXTENDS Naturals
CONSTANT Limit
VARIABLE c
CInit == c = 0
CInc == c < Limit /\ c' = c + 1
CReset == c = Limit /\ c' = 0
CNext == CInc \/ CReset
====
