-------------------------------- MODULE Bags --------------------------------
(***************************************************************************)
(* Bags (multisets): functions from elements to positive counts.          *)
(***************************************************************************)
LOCAL INSTANCE Naturals

IsABag(B) == BUILTIN

BagToSet(B) == BUILTIN

SetToBag(S) == BUILTIN

BagIn(e, B) == BUILTIN

EmptyBag == BUILTIN

B1 (+) B2 == BUILTIN

B1 (-) B2 == BUILTIN

BagUnion(S) == BUILTIN

B1 \sqsubseteq B2 == BUILTIN

(***************************************************************************)
(* Every bag whose counts are bounded by those of B.  Counts are drawn     *)
(* from 1..Top, Top being B's largest count, so the set stays enumerable.  *)
(***************************************************************************)
SubBag(B) ==
  IF DOMAIN B = {}
    THEN {B}
    ELSE LET Counts == {B[e] : e \in DOMAIN B}
             Top == CHOOSE m \in Counts : \A k \in Counts : k <= m
         IN  UNION {{F \in [D -> 1..Top] : \A e \in D : F[e] <= B[e]} :
                      D \in SUBSET DOMAIN B}

BagOfAll(F(_), B) == BUILTIN

BagCardinality(B) == BUILTIN

CopiesIn(e, B) == BUILTIN

=============================================================================
