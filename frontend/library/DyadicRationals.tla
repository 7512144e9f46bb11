--------------------------- MODULE DyadicRationals --------------------------
(***************************************************************************)
(* Dyadic rationals num/den (den a power of two) as records               *)
(* [num |-> n, den |-> d], always kept reduced.                            *)
(***************************************************************************)
LOCAL INSTANCE FiniteSets
LOCAL INSTANCE Integers
LOCAL INSTANCE Sequences
LOCAL INSTANCE FiniteSetsExt
LOCAL INSTANCE TLC

LOCAL Rational(num, den) == [num |-> num, den |-> den]

(***************************************************************************)
(* p divided by the greatest common divisor of its numerator and          *)
(* denominator; implemented natively, as in TLC.                           *)
(***************************************************************************)
LOCAL Reduce(p) == BUILTIN

IsDyadicRational(r) == \E i \in 0..r.den : 2^i = r.den

Zero == Rational(0, 1)

One == Rational(1, 1)

(***************************************************************************)
(* Both denominators are powers of two, so the larger one is a common     *)
(* multiple.                                                               *)
(***************************************************************************)
Add(p, q) ==
  IF p = Zero THEN q
  ELSE LET d == Max({p.den, q.den})
       IN  Reduce(Rational(p.num * (d \div p.den) + q.num * (d \div q.den), d))

Half(p) == Reduce(Rational(p.num, p.den * 2))

PrettyPrint(p) ==
  CASE p = Zero -> "0"
    [] p = One -> "1"
    [] OTHER -> ToString(p.num) \o "/" \o ToString(p.den)

=============================================================================
