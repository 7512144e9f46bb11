---- MODULE ascii_synonyms ----
A == (a \land b) \lor \lnot c
B == \neg a \equiv b
C == (S \union T) \intersect (U \setminus V)
D == a =< b /\ a \leq b /\ a \geq b
E == \forall x \in S : \exists y \in S : x # y
F == S \times T
G == f \circ g
====
