---- MODULE two_errors_recover ----
A == (1 +
B == 2
C == [x \in S x]
D == 4
====
