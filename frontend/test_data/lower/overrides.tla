---- MODULE overrides ----
\* cfg substitutions: a constant by a definition, a standard operator, and one module's definition.
EXTENDS Naturals

---- MODULE Lib ----
LOCAL INSTANCE Naturals
Limit == 100
Small == { k \in Nat : k < Limit }
====

INSTANCE Lib
CONSTANT Max
VARIABLE x
MCNat == 0..3
MCLimit == 2
MCMax == 7
Init == x \in Nat
Next == x' \in Small /\ x' < Max
====
