---- MODULE functions_records ----
A == [x \in S |-> x + 1]
B == [x, y \in S, <<a, b>> \in T |-> x]
C == [S -> T]
D == [a |-> 1, b |-> "two"]
E == [a : Nat, b : STRING]
F == f[a, b]
G == r.a.b
H == f[x].a[y]
I == DOMAIN f
J == <<>>
K == <<1, <<2, 3>>>>
f[n \in Nat] == IF n = 0 THEN 1 ELSE n * f[n - 1]
====
