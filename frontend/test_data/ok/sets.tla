---- MODULE sets ----
A == {}
B == {1, 2, 3}
C == {x \in S : x > 1}
D == {x * 2 : x \in S}
E == {<<x, y>> : x \in S, y \in T}
F == {<<a, b>> \in S \X T : a = b}
G == {x \in S}
H == SUBSET S
I == UNION {S, T}
====
