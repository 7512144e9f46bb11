------------------------------ MODULE Functions -----------------------------
(***************************************************************************)
(* Operators on functions: restriction, range, inverses, injections and   *)
(* folds.                                                                  *)
(***************************************************************************)
EXTENDS Integers, Folds

Restrict(f, S) == [x \in S |-> f[x]]

RestrictDomain(f, Test(_)) == Restrict(f, {x \in DOMAIN f : Test(x)})

RestrictValues(f, Test(_)) == Restrict(f, {x \in DOMAIN f : Test(f[x])})

IsRestriction(narrow, wide) ==
  /\ DOMAIN narrow \subseteq DOMAIN wide
  /\ \A x \in DOMAIN narrow \cap DOMAIN wide : narrow[x] = wide[x]

Range(f) == {f[x] : x \in DOMAIN f}

Pointwise(f, g, T(_, _)) == [x \in DOMAIN f |-> T(f[x], g[x])]

(***************************************************************************)
(* For each t of T, some s of S that f maps to t (any s of S when t is not *)
(* in the range of f).                                                     *)
(***************************************************************************)
Inverse(f, S, T) == [t \in T |-> CHOOSE s \in S : t \in Range(f) => f[s] = t]

AntiFunction(f) == BUILTIN

IsInjective(f) == BUILTIN

Injection(S, T) == {F \in [S -> T] : IsInjective(F)}

Surjection(S, T) == {F \in [S -> T] : \A t \in T : \E s \in S : F[s] = t}

Bijection(S, T) == Injection(S, T) \cap Surjection(S, T)

ExistsInjection(S, T) == Injection(S, T) /= {}

ExistsSurjection(S, T) == Surjection(S, T) /= {}

ExistsBijection(S, T) == Bijection(S, T) /= {}

FoldFunctionOnSet(op(_, _), base, fun, indices) == BUILTIN

FoldFunction(op(_, _), base, fun) == BUILTIN

SumFunctionOnSet(fun, indices) == FoldFunctionOnSet(+, 0, fun, indices)

SumFunction(fun) == SumFunctionOnSet(fun, DOMAIN fun)

=============================================================================
