---- MODULE let_in ----
A == LET x == 1
         f(y) == y + x
         g[i \in 1..3] == i * 2
         a ** b == a * b
     IN  f(x) + g[2] ** 3
B == LET RECURSIVE F(_)
         F(n) == IF n = 0 THEN 0 ELSE F(n - 1)
     IN F(3)
====
