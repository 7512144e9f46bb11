---- MODULE quantifiers ----
A == \A x, y \in S : x = y
B == \E x \in S, y \in T : P(x, y)
C == \A <<a, b>> \in S \X T : a = b
D == \A x : x = x
E == \E x, y : x # y
F == CHOOSE x \in S : x > 0
G == CHOOSE x : P(x)
H == CHOOSE <<a, b>> \in S : a < b
I == \EE z : z = 1
J == \AA u, v : u = v
====
