-------------------------------- MODULE Json --------------------------------
(***************************************************************************)
(* Converting values to and from JSON text and files.  Sequences become    *)
(* arrays, records and functions with string domains become objects.  All  *)
(* operators are implemented natively, as in TLC.                         *)
(***************************************************************************)
LOCAL INSTANCE Sequences
LOCAL INSTANCE FiniteSets
LOCAL INSTANCE TLC

ToJson(value) == BUILTIN

ToJsonArray(value) == BUILTIN

ToJsonObject(value) == BUILTIN

JsonSerialize(absoluteFilename, value) == BUILTIN

JsonDeserialize(absoluteFilename) == BUILTIN

ndJsonSerialize(absoluteFilename, value) == BUILTIN

ndJsonDeserialize(absoluteFilename) == BUILTIN

=============================================================================
