---- MODULE Rec ----
\* RECURSIVE operators, recursive functions, LAMBDA, higher-order operators,
\* named and parametrized INSTANCE with substitution.
EXTENDS Naturals, Sequences
VARIABLES a, b, log
RECURSIVE Sum(_)
Sum(s) == IF s = <<>> THEN 0 ELSE Head(s) + Sum(Tail(s))
fact[n \in 0..6] == IF n = 0 THEN 1 ELSE n * fact[n - 1]
Apply2(F(_, _), x, y) == F(x, y)
Max(x, y) == IF x > y THEN x ELSE y
A == INSTANCE Counters WITH Limit <- 3, c <- a
B(lim) == INSTANCE Counters WITH Limit <- lim, c <- b
Init == A!CInit /\ B(2)!CInit /\ log = <<>>
Next == \/ A!CNext /\ UNCHANGED b /\ log' = IF Len(log) < 2 THEN Append(log, a) ELSE log
        \/ B(2)!CNext /\ UNCHANGED <<a, log>>
Inv == /\ Sum(log) <= 6
       /\ fact[a] <= 6
       /\ Apply2(Max, a, b) <= 3
       /\ Apply2(LAMBDA x, y : x + y, a, b) <= 5
====
