--------------------------- MODULE NaturalsInduction -------------------------
(***************************************************************************)
(* Induction over the naturals and inductively defined functions (TLAPS   *)
(* proof library).  Only the definitions matter to a model checker; the    *)
(* theorems are stated without their proofs.                               *)
(***************************************************************************)
EXTENDS Integers

THEOREM NatInduction ==
  \A P \in [Nat -> BOOLEAN] :
    (P[0] /\ \A n \in Nat : P[n] => P[n + 1]) => \A n \in Nat : P[n]

THEOREM SmallestNatural ==
  \A S \in SUBSET Nat : S /= {} => \E m \in S : \A n \in S : m <= n

(***************************************************************************)
(* f is the function on Nat with f[0] = f0 and f[i] = Def(f[i-1], i).      *)
(***************************************************************************)
NatInductiveDefHypothesis(f, f0, Def(_, _)) ==
  f = CHOOSE g : g = [i \in Nat |-> IF i = 0 THEN f0 ELSE Def(g[i - 1], i)]

NatInductiveDefConclusion(f, f0, Def(_, _)) ==
  f = [i \in Nat |-> IF i = 0 THEN f0 ELSE Def(f[i - 1], i)]

(***************************************************************************)
(* The same on the interval m..n, starting from f[m] = c.                  *)
(***************************************************************************)
FiniteNatInductiveDefHypothesis(f, c, Def(_, _), m, n) ==
  f = CHOOSE g : g = [i \in m..n |-> IF i = m THEN c ELSE Def(g[i - 1], i)]

FiniteNatInductiveDefConclusion(f, c, Def(_, _), m, n) ==
  f = [i \in m..n |-> IF i = m THEN c ELSE Def(f[i - 1], i)]

=============================================================================
