---------------------------- MODULE Jugs ----------------------------
(* Two jugs of 3 and 5 gallons and a tap: can we measure 4 gallons?  *)
(* The invariant NotFour claims we cannot; tla2 finds the shortest   *)
(* sequence of pourings that measures 4 gallons.                      *)
EXTENDS Naturals

CONSTANTS Small, Big

VARIABLES small, big

vars == <<small, big>>

TypeOK == small \in 0..Small /\ big \in 0..Big

Init == small = 0 /\ big = 0

FillSmall  == small' = Small /\ big' = big
FillBig    == big' = Big /\ small' = small
EmptySmall == small' = 0 /\ big' = big
EmptyBig   == big' = 0 /\ small' = small

Min(a, b) == IF a < b THEN a ELSE b

SmallToBig ==
    LET poured == Min(small, Big - big)
    IN  /\ small' = small - poured
        /\ big' = big + poured

BigToSmall ==
    LET poured == Min(big, Small - small)
    IN  /\ big' = big - poured
        /\ small' = small + poured

Next == \/ FillSmall \/ FillBig
        \/ EmptySmall \/ EmptyBig
        \/ SmallToBig \/ BigToSmall

Spec == Init /\ [][Next]_vars

NotFour == big /= 4
=====================================================================
