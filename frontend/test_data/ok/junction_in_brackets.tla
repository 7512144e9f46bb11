---- MODULE junction_in_brackets ----
A == /\ x' = [x EXCEPT ![1] = /\ a
                              /\ b]
     /\ (\/ c
         \/ d)
     /\ { e, /\ f
             /\ g }
====
