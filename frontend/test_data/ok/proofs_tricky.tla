---- MODULE proofs_tricky ----
EXTENDS Naturals
THEOREM Thm == TRUE
<1> DEFINE a == 1
           b == 2
<1>1. LET c == 3
          d == 4
      IN c + d = 7
  OBVIOUS
<1>2. ASSUME NEW CONSTANT S, NEW VARIABLE v, CONSTANT T
      PROVE TRUE
  BY <1>1 DEF a, b
<1> QED
  <2>1. SUFFICES ASSUME NEW e \in Nat
                 PROVE e = e
    OBVIOUS
  <2> QED BY <2>1
After == 1
LEMMA L == ASSUME NEW P, ASSUME P PROVE P PROVE TRUE
  BY DEF After
AfterL == 2
====
