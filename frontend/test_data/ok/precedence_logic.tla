---- MODULE precedence_logic ----
A == a = b /\ c # d
B == ~a = b
C == ~a /\ b
D == (a => b) <=> (c => d)
E == a \in S \cup T
F == x \notin SUBSET S \ T
G == DOMAIN f \cup DOMAIN g
H == a /\ b /\ c
I == [] P => <> Q
J == a \/ b => c
====
