---- MODULE proofs ----
EXTENDS Naturals
THEOREM T1 == \A n \in Nat : n + 0 = n
  OBVIOUS
LEMMA 1 + 1 = 2
PROOF BY DEF Foo
THEOREM T2 == ASSUME NEW x \in Nat, x > 0
              PROVE  x # 0
<1>1. x >= 1
  BY SMT
<1> DEFINE y == x + 1
<1>2. CASE x = 1
  <2>1. y = 2 OBVIOUS
  <2> QED BY <2>1
<1>3. SUFFICES ASSUME NEW z PROVE z = z
  OMITTED
<1>4. PICK w \in Nat : w = x
  BY <1>1
<1> HAVE TRUE
<1> USE DEF Foo
<1> QED BY <1>1, <1>2 DEF Foo
USE DEF Foo
HIDE DEF Foo
AXIOM Ax == TRUE
COROLLARY C1 == TRUE
PROPOSITION TRUE
  PROOF OMITTED
Foo == 1
====
