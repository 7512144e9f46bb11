------------------------------- MODULE Relation ------------------------------
(***************************************************************************)
(* Properties of binary relations on a set S.  A relation is given as a   *)
(* Boolean function R on S \X S (R[x, y]), or as an operator op(x, y) for  *)
(* the *Under variants.                                                    *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

LOCAL AsFunction(op(_, _), S) == [p \in S \X S |-> op(p[1], p[2])]

IsReflexive(R, S) == \A x \in S : R[x, x]

IsReflexiveUnder(op(_, _), S) == IsReflexive(AsFunction(op, S), S)

IsIrreflexive(R, S) == \A x \in S : ~R[x, x]

IsIrreflexiveUnder(op(_, _), S) == IsIrreflexive(AsFunction(op, S), S)

IsSymmetric(R, S) == \A x, y \in S : R[x, y] <=> R[y, x]

IsSymmetricUnder(op(_, _), S) == IsSymmetric(AsFunction(op, S), S)

IsAntiSymmetric(R, S) == \A x, y \in S : R[x, y] /\ R[y, x] => x = y

IsAntiSymmetricUnder(op(_, _), S) == IsAntiSymmetric(AsFunction(op, S), S)

IsAsymmetric(R, S) == \A x, y \in S : ~(R[x, y] /\ R[y, x])

IsAsymmetricUnder(op(_, _), S) == IsAsymmetric(AsFunction(op, S), S)

IsTransitive(R, S) == \A x, y, z \in S : R[x, y] /\ R[y, z] => R[x, z]

IsTransitiveUnder(op(_, _), S) == IsTransitive(AsFunction(op, S), S)

IsStrictlyPartiallyOrdered(R, S) ==
  IsIrreflexive(R, S) /\ IsAntiSymmetric(R, S) /\ IsTransitive(R, S)

IsStrictlyPartiallyOrderedUnder(op(_, _), S) ==
  IsStrictlyPartiallyOrdered(AsFunction(op, S), S)

IsPartiallyOrdered(R, S) ==
  IsReflexive(R, S) /\ IsAntiSymmetric(R, S) /\ IsTransitive(R, S)

IsPartiallyOrderedUnder(op(_, _), S) == IsPartiallyOrdered(AsFunction(op, S), S)

IsStrictlyTotallyOrdered(R, S) ==
  IsStrictlyPartiallyOrdered(R, S) /\ \A x, y \in S : x /= y => R[x, y] \/ R[y, x]

IsStrictlyTotallyOrderedUnder(op(_, _), S) ==
  IsStrictlyTotallyOrdered(AsFunction(op, S), S)

IsTotallyOrdered(R, S) ==
  IsPartiallyOrdered(R, S) /\ \A x, y \in S : R[x, y] \/ R[y, x]

IsTotallyOrderedUnder(op(_, _), S) == IsTotallyOrdered(AsFunction(op, S), S)

(***************************************************************************)
(* The transitive closure of R on S, by repeated squaring: after k rounds *)
(* paths of length up to 2^k are covered, so Cardinality(S) rounds suffice. *)
(***************************************************************************)
TransitiveClosure(R, S) ==
  LET step[k \in Nat] ==
        IF k = 0 THEN [x, y \in S |-> R[x, y]]
        ELSE [x, y \in S |-> step[k - 1][x, y]
                               \/ \E z \in S : step[k - 1][x, z] /\ step[k - 1][z, y]]
  IN  step[Cardinality(S)]

ReflexiveTransitiveClosure(R, S) ==
  LET T == TransitiveClosure(R, S)
  IN  [x, y \in S |-> x = y \/ T[x, y]]

IsConnected(R, S) ==
  LET T == ReflexiveTransitiveClosure(R, S)
  IN  \A x, y \in S : T[x, y]

=============================================================================
