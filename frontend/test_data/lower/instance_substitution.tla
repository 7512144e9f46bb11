---- MODULE instance_substitution ----
\* Named, unnamed and parametrized instances, explicit and implicit substitution, I!J!Op.
EXTENDS Naturals

---- MODULE Counter ----
CONSTANT Step
VARIABLE n
Inc == n' = n + Step
Reset == n' = 0
Add(m) == n' = n + m
====

---- MODULE Pair ----
VARIABLE left, right
L == INSTANCE Counter WITH Step <- 1, n <- left
R == INSTANCE Counter WITH Step <- 2, n <- right
Both == L!Inc /\ R!Inc
====

CONSTANT Step
VARIABLES n, a, b

INSTANCE Counter
Named == INSTANCE Counter WITH Step <- 10, n <- a
Param(k) == INSTANCE Counter WITH Step <- k, n <- b
P == INSTANCE Pair WITH left <- a, right <- b

Init == n = 0 /\ a = 0 /\ b = 0
Apply(F(_), v) == F(v)
AddTwo == Apply(Param(3)!Add, 2)
Next == \/ Inc
        \/ Named!Inc
        \/ Param(3)!Inc
        \/ P!Both
        \/ P!L!Reset
        \/ AddTwo
====
