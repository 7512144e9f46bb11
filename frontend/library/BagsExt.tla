------------------------------- MODULE BagsExt -----------------------------
(***************************************************************************)
(* More operators on bags: adding and removing copies, folds and sums.    *)
(***************************************************************************)
LOCAL INSTANCE Bags
LOCAL INSTANCE Integers
LOCAL INSTANCE Folds

BagAdd(B, x) ==
  IF x \in DOMAIN B
    THEN [B EXCEPT ![x] = @ + 1]
    ELSE [e \in DOMAIN B \cup {x} |-> IF e = x THEN 1 ELSE B[e]]

BagRemove(B, x) ==
  CASE x \notin DOMAIN B -> B
    [] B[x] = 1 -> [e \in DOMAIN B \ {x} |-> B[e]]
    [] OTHER -> [B EXCEPT ![x] = @ - 1]

BagRemoveAll(B, x) == [e \in DOMAIN B \ {x} |-> B[e]]

FoldBag(op(_, _), base, B) == BUILTIN

SumBag(B) == FoldBag(LAMBDA a, b : a + b, 0, B)

ProductBag(B) == FoldBag(LAMBDA a, b : a * b, 1, B)

=============================================================================
