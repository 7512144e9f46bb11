---- MODULE expressions ----
\* LET, LAMBDA, higher-order parameters, RECURSIVE, recursive functions and the core language.
EXTENDS Naturals

RECURSIVE Sum(_)
Sum(S) == IF S = {} THEN 0 ELSE LET x == CHOOSE y \in S : TRUE IN x + Sum(S \ {x})

fact[k \in Nat] == IF k = 0 THEN 1 ELSE k * fact[k - 1]

Apply(F(_, _), u, v) == F(u, v)
Plus(u, v) == u + v
UseOps == <<Apply(Plus, 1, 2), Apply(LAMBDA p, q : p * q, 3, 4)>>

Sets == { <<x, y, t>> \in (1..2) \X (1..2) \X BOOLEAN : x /= y /\ t } \cup {z + 1 : z \in 1..3}
Nested == (BOOLEAN \X BOOLEAN) \X BOOLEAN
Rec == [ [a |-> 1, b |-> <<2, 3>>] EXCEPT !.a = @ + 1, !.b[2] = 0 ]
Fun == [i \in 1..3, j \in 1..2 |-> i + j][2, 1]
Cases(v) == CASE v = 1 -> "one" [] v = 2 -> "two" [] OTHER -> "many"
Logic(p, q) == (p => q) <=> ~(p /\ ~q) \/ (p \notin {q})
====
