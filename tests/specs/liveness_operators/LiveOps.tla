---- MODULE LiveOps ----
\* Each temporal operator in a PROPERTY, alone and combined, on a counter that climbs to 3 and
\* resets, flipping a bit y on each reset; weak fairness on Next.
EXTENDS Naturals
VARIABLES x, y
vars == <<x, y>>
Init == x = 0 /\ y = 0
IncX == x < 3 /\ x' = x + 1 /\ UNCHANGED y
ResetX == x = 3 /\ x' = 0 /\ y' = 1 - y
Next == IncX \/ ResetX
Spec == Init /\ [][Next]_vars /\ WF_vars(Next)

\* Properties that hold.
AlwaysBounded == [](x <= 3)
\* TLC rejects <><<A>>_v outside []<> and <>[] ("Temporal formulas containing actions must be of
\* forms <>[]A or []<>A."); tla2 checks it: LiveOpsStep.cfg, results worked out by hand.
SomeReset == <><<ResetX>>_vars
NoFlipToTwo == <><<ResetX /\ y' = 2>>_vars
ResetsForever == []<><<ResetX>>_vars
IncOftenEnabled == []<>(ENABLED IncX)
EitherOr == <>(x = 3) \/ [](y = 0)
NotAlwaysZero == ~[](x = 0)
FlipLeadsToTop == [](y = 1 => <>(x = 3))
SomeValueOften == \E v \in 0..3 : []<>(x = v)
EveryValueOften == \A v \in 1..3 : (x = v - 1) ~> (x = v)
NeverStuckAtTop == ~<>[](x = 3)
StepsChange == [][x' # x]_vars

\* Properties that fail.
BoundedBelowThree == [](x < 3)
YReachesTwo == <>(y = 2)
YSettles == <>[](y = 1)
ResetToOne == []<><<ResetX /\ y' = 2>>_vars
EnabledResetOften == <>[](ENABLED ResetX)
BothOrNeither == []<>(x = 3) => <>[](y = 0)
SomeValueStuck == \E v \in 0..3 : <>[](x = v)
====
