------------------------------- MODULE IOUtils -------------------------------
(***************************************************************************)
(* Input and output: files, processes and environment variables.  All but *)
(* zeroPadN are implemented natively, as in TLC.                          *)
(***************************************************************************)
LOCAL INSTANCE TLC
LOCAL INSTANCE Integers
LOCAL INSTANCE Sequences
LOCAL INSTANCE SequencesExt

IOSerialize(val, absoluteFilename, compress) == BUILTIN

IODeserialize(absoluteFilename, compressed) == BUILTIN

Serialize(value, dest, options) == BUILTIN

Deserialize(src, options) == BUILTIN

IOExec(command) == BUILTIN

IOEnvExec(env, command) == BUILTIN

IOExecTemplate(commandTemplate, parameters) == BUILTIN

IOEnvExecTemplate(env, commandTemplate, parameters) == BUILTIN

IOEnv == BUILTIN

atoi(str) == BUILTIN

(***************************************************************************)
(* The decimal digits of n, left-padded with zeros to `width` characters. *)
(***************************************************************************)
zeroPadN(n, width) ==
  LET digits == ToString(n)
      zeros == [i \in 1..(width - Len(digits)) |-> "0"]
  IN  FoldLeft(LAMBDA acc, z : acc \o z, "", zeros) \o digits

=============================================================================
