---------------------------- MODULE SequencesExt ----------------------------
(***************************************************************************)
(* More operators on finite sequences.  Operators TLC implements in Java  *)
(* are BUILTIN here; the others are defined in TLA+ and evaluated as such. *)
(***************************************************************************)
EXTENDS Sequences, Naturals, FiniteSets, FiniteSetsExt, Folds, Functions, Bags, TLC

ToSet(s) == {s[i] : i \in DOMAIN s}

ToBag(s) == [x \in Range(s) |-> Cardinality({i \in DOMAIN s : s[i] = x})]

SetToSeq(S) == BUILTIN

SetToSeqs(S) == BUILTIN

SetToSortSeq(S, op(_, _)) == SortSeq(SetToSeq(S), op)

SetToAllKPermutations(S) == UNION {SetToSeqs(T) : T \in SUBSET S}

TupleOf(set, n) == [1..n -> set]

SeqOf(set, n) == UNION {[1..m -> set] : m \in 0..n}

BoundedSeq(S, n) == SeqOf(S, n)

-----------------------------------------------------------------------------

Contains(s, e) == BUILTIN

IsSorted(s, op(_, _)) == \A i, j \in 1..Len(s) : i < j => op(s[i], s[j])

Reverse(s) == [i \in 1..Len(s) |-> s[Len(s) - i + 1]]

Remove(s, e) == SelectSeq(s, LAMBDA x : x /= e)

ReplaceAll(s, old, new) == [i \in 1..Len(s) |-> IF s[i] = old THEN new ELSE s[i]]

-----------------------------------------------------------------------------

SelectInSeq(seq, Test(_)) == BUILTIN

SelectInSubSeq(seq, from, to, Test(_)) == BUILTIN

SelectLastInSeq(seq, Test(_)) == BUILTIN

SelectLastInSubSeq(seq, from, to, Test(_)) == BUILTIN

-----------------------------------------------------------------------------

InsertAt(s, i, e) == SubSeq(s, 1, i - 1) \o <<e>> \o SubSeq(s, i, Len(s))

ReplaceAt(s, i, e) == [s EXCEPT ![i] = e]

RemoveAt(s, i) == SubSeq(s, 1, i - 1) \o SubSeq(s, i + 1, Len(s))

RemoveFirst(s, e) == BUILTIN

RemoveFirstMatch(s, Test(_)) == BUILTIN

-----------------------------------------------------------------------------

Cons(elt, seq) == <<elt>> \o seq

Snoc(elt, seq) == Append(seq, elt)

Front(s) == SubSeq(s, 1, Len(s) - 1)

Last(s) == s[Len(s)]

-----------------------------------------------------------------------------

IsPrefix(s, t) == BUILTIN

IsStrictPrefix(s, t) == IsPrefix(s, t) /\ s /= t

IsSuffix(s, t) == IsPrefix(Reverse(s), Reverse(t))

IsStrictSuffix(s, t) == IsSuffix(s, t) /\ s /= t

-----------------------------------------------------------------------------

Prefixes(s) == {SubSeq(s, 1, n) : n \in 0..Len(s)}

CommonPrefixes(S) ==
  {p \in UNION {Prefixes(t) : t \in S} : \A t \in S : IsPrefix(p, t)}

LongestCommonPrefix(S) == BUILTIN

Suffixes(s) == BUILTIN

-----------------------------------------------------------------------------

(***************************************************************************)
(* a % b, but b instead of 0: for indexing sequences circularly.          *)
(***************************************************************************)
SeqMod(a, b) == IF a % b = 0 THEN b ELSE a % b

FoldSeq(op(_, _), base, seq) == BUILTIN

FoldLeft(op(_, _), base, seq) == BUILTIN

FoldRight(op(_, _), seq, base) == BUILTIN

FoldLeftDomain(op(_, _), base, seq) == BUILTIN

FoldRightDomain(op(_, _), seq, base) == BUILTIN

-----------------------------------------------------------------------------

(***************************************************************************)
(* The concatenation of the sequences (or strings) in seqs, starting from *)
(* seqs[1] itself so that strings concatenate as strings.                  *)
(***************************************************************************)
FlattenSeq(seqs) ==
  LET concat[i \in 1..Len(seqs)] ==
        IF i = 1 THEN seqs[1] ELSE concat[i - 1] \o seqs[i]
  IN  IF Len(seqs) = 0 THEN seqs ELSE concat[Len(seqs)]

Zip(s, t) ==
  [i \in 1..(IF Len(s) <= Len(t) THEN Len(s) ELSE Len(t)) |-> <<s[i], t[i]>>]

(***************************************************************************)
(* <<s[1]>>, <<t[1]>>, <<s[2]>>, <<t[2]>>, ... for sequences of equal     *)
(* length.                                                                 *)
(***************************************************************************)
Interleave(s, t) ==
  CASE Len(s) = Len(t) /\ Len(s) > 0 ->
         [i \in 1..(2 * Len(s)) |->
            IF i % 2 = 1 THEN <<s[(i + 1) \div 2]>> ELSE <<t[i \div 2]>>]
    [] Len(s) = Len(t) /\ Len(s) = 0 -> << <<>>, <<>> >>

SubSeqs(s) == {SubSeq(s, i + 1, j) : i, j \in 0..Len(s)}

AllSubSeqs(s) == BUILTIN

(***************************************************************************)
(* The index where the first occurrence of s as a contiguous part of t     *)
(* starts.                                                                 *)
(***************************************************************************)
IndexFirstSubSeq(s, t) ==
  LET ends == {i \in 0..Len(t) : s \in SubSeqs(SubSeq(t, 1, i))}
      first == CHOOSE i \in ends : \A j \in ends : i <= j
  IN  first - (Len(s) - 1)

ReplaceSubSeqAt(i, r, s, t) ==
  SubSeq(t, 1, i - 1) \o r \o SubSeq(t, i + Len(s), Len(t))

ReplaceFirstSubSeq(r, s, t) == BUILTIN

ReplaceAllSubSeqs(r, s, t) == BUILTIN

=============================================================================
