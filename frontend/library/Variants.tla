------------------------------- MODULE Variants ------------------------------
(***************************************************************************)
(* Apalache's tagged unions, represented for TLC as records               *)
(* [tag |-> t, value |-> v].                                               *)
(***************************************************************************)
LOCAL INSTANCE Integers

Variant(tag, value) == [tag |-> tag, value |-> value]

VariantTag(variant) == variant.tag

VariantFilter(tag, set) == {v.value : v \in {e \in set : e.tag = tag}}

VariantGetUnsafe(tag, variant) == variant.value

VariantGetOrElse(tag, variant, defaultValue) ==
  IF variant.tag = tag THEN variant.value ELSE defaultValue

UNIT == "U_OF_UNIT"

=============================================================================
