---- MODULE SimEvalError ----
\* Every behaviour reaches i = 3, where f[i + 1] is outside DOMAIN f.
EXTENDS Naturals
VARIABLE i
f == <<10, 20, 30>>
Init == i = 0
Next == /\ i < 5
        /\ f[i + 1] > 0
        /\ i' = i + 1
====
