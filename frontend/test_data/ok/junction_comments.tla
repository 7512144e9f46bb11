---- MODULE junction_comments ----
Next == \/ /\ a   \* first
           (* a comment between items *)
           /\ b
        (*****************)
        (* between lists *)
        (*****************)
        \/ c
Inv == /\ x \in Nat
       /\ \A i \in S :
             /\ f[i] > 0
             /\ g[i] < 10
       /\ y = 1
====
