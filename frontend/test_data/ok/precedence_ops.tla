---- MODULE precedence_ops ----
A == a :> 1 @@ b :> 2
B == S \X T \X U
C == (S \X T) \X U
D == s \o t
E == a \cdot b
F == x' = x + 1
G == R^+ \cup R^*
H == a < b /\ b <= c /\ c >= d /\ d > e
I == a \subseteq b \/ a \subset b
====
