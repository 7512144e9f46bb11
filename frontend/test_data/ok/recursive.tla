---- MODULE recursive ----
RECURSIVE Fact(_), Sum(_, _)
Fact(n) == IF n = 0 THEN 1 ELSE n * Fact(n - 1)
Sum(S, acc) == IF S = {} THEN acc ELSE LET x == CHOOSE y \in S : TRUE IN Sum(S \ {x}, acc + x)
====
