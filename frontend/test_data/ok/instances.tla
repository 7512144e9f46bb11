---- MODULE instances ----
EXTENDS Naturals, Sequences
CONSTANTS N, Op(_, _), _ ** _
INSTANCE Foo
I == INSTANCE Bar WITH x <- 1, y <- z + 1
LOCAL J == INSTANCE Baz
K(p) == INSTANCE Qux WITH c <- p
LOCAL INSTANCE TLC
A == I!Op(1)
B == K(1)!Op(2)
C == I!J!Op
D == I!x + K(2)!y
====
