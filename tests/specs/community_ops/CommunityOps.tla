-------------------- MODULE CommunityOps --------------------
\* Operators of the standard and community modules against values computed by TLC (each
\* ASSUME was printed by TLC 2026.11 with CommunityModules, then pinned): a wrong value is an
\* assumption failure. Files are written under /tmp. UndirectedGraphs is in CommunityOpsGraphs
\* (its names clash with Graphs').
EXTENDS Naturals, Bags, BagsExt, Bitwise, CSV, DyadicRationals, FiniteSets, FiniteSetsExt, Folds, Functions, Graphs, IOUtils, Integers, Json, Randomization, Relation, SVG, Sequences, SequencesExt, Statistics, TLC, TLCExt, VectorClocks

\* Bags
ASSUME IsABag(SetToBag({1, 2}))
ASSUME ~(IsABag([x \in {1, 2} |-> 0]))
ASSUME BagIn(2, SetToBag({1, 2}))
ASSUME ~(BagIn(3, SetToBag({1, 2})))
ASSUME (SetToBag({1, 2}) (+) SetToBag({2, 3})) = <<1, 2, 1>>
ASSUME ((SetToBag({1, 2}) (+) SetToBag({2})) (-) SetToBag({2, 1})) = (2 :> 1)
ASSUME (BagUnion({SetToBag({1}), SetToBag({1, 2}), SetToBag({3})})) = <<2, 1, 1>>
ASSUME SetToBag({1}) \sqsubseteq SetToBag({1, 2})
ASSUME ~((SetToBag({1}) (+) SetToBag({1})) \sqsubseteq SetToBag({1, 2}))
ASSUME (BagOfAll(LAMBDA x : x % 2, SetToBag({1, 2, 3}))) = (0 :> 1 @@ 1 :> 2)
ASSUME (BagCardinality(SetToBag({1, 2}) (+) SetToBag({2}))) = 3
ASSUME (CopiesIn(2, SetToBag({1, 2}) (+) SetToBag({2}))) = 2
ASSUME (SubBag(SetToBag({1, 2}))) = {<<>>, <<1>>, (2 :> 1), <<1, 1>>}

\* BagsExt
ASSUME (FoldBag(LAMBDA a, b : a + b, 0, SetToBag({1, 2}) (+) SetToBag({2}))) = 5
ASSUME (BagAdd(SetToBag({1}), 1)) = <<2>>
ASSUME (BagRemove(SetToBag({1, 2}), 2)) = <<1>>
ASSUME (SumBag(SetToBag({1, 2}) (+) SetToBag({2}))) = 5

\* Bitwise
ASSUME (Not(5)) = 2
ASSUME (Not(0)) = 0
ASSUME (12 & 10) = 8
ASSUME (12 | 3) = 15
ASSUME (12 ^^ 10) = 6
ASSUME (shiftR(12, 2)) = 3

\* CSV (CSVWrite appends: the file is emptied first)
ASSUME Serialize("", "/tmp/tla2-community-ops.csv", [format |-> "TXT", charset |-> "UTF-8", openOptions |-> <<"WRITE", "CREATE", "TRUNCATE_EXISTING">>]).exitValue = 0
ASSUME CSVWrite("%1$s#%2$s", <<1, "a">>, "/tmp/tla2-community-ops.csv")
ASSUME (CSVRecords("/tmp/tla2-community-ops.csv")) = 1
ASSUME (CSVRead(<<"x", "y">>, "#", "/tmp/tla2-community-ops.csv")) = <<[x |-> "1", y |-> "\"a\""]>>

\* DyadicRationals
ASSUME (Add(Half(One), Half(Half(One)))) = [num |-> 3, den |-> 4]

\* FiniteSetsExt
ASSUME (Quantify(1..10, LAMBDA x : x % 3 = 0)) = 3
ASSUME (kSubset(2, {1, 2, 3})) = {{1, 2}, {1, 3}, {2, 3}}
ASSUME (Max({3, 1, 2})) = 3
ASSUME (SymDiff({1, 2}, {2, 3})) = {1, 3}

\* Folds
ASSUME (MapThenFoldSet(LAMBDA a, b : a + b, 0, LAMBDA x : x * x, LAMBDA S : CHOOSE x \in S : TRUE, {1, 2, 3})) = 14

\* Functions
ASSUME (AntiFunction(<<"a", "b">>)) = [a |-> 1, b |-> 2]
ASSUME (FoldFunctionOnSet(LAMBDA a, b : a + b, 0, <<1, 2, 3>>, {1, 3})) = 4
ASSUME (FoldFunction(LAMBDA a, b : a + b, 0, <<1, 2, 3>>)) = 6
ASSUME ~(IsInjective(<<1, 2, 1>>))
ASSUME (Range(<<1, 2, 1>>)) = {1, 2}
ASSUME (Restrict(<<1, 2, 3>>, {1, 3})) = (1 :> 1 @@ 3 :> 3)
ASSUME (Inverse(<<"a", "b">>, {1, 2}, {"a", "b"})) = [a |-> 1, b |-> 2]

\* Graphs
ASSUME IsStronglyConnected([node |-> {1, 2}, edge |-> {<<1, 2>>, <<2, 1>>}])
ASSUME ~(IsStronglyConnected([node |-> {1, 2}, edge |-> {<<1, 2>>}]))
ASSUME (SimplePath([node |-> {1, 2}, edge |-> {<<1, 2>>}])) = {<<1>>, <<2>>, <<1, 2>>}
ASSUME AreConnectedIn(1, 3, [node |-> {1, 2, 3}, edge |-> {<<1, 2>>, <<2, 3>>}])
ASSUME (Transpose([node |-> {1, 2}, edge |-> {<<1, 2>>}])) = [node |-> {1, 2}, edge |-> {<<2, 1>>}]

\* IOUtils
ASSUME (IOExec(<<"echo", "hi">>)) = [exitValue |-> 0, stdout |-> "hi\n", stderr |-> ""]
ASSUME (IOEnvExec([A |-> "x"], <<"sh", "-c", "echo $A">>)) = [exitValue |-> 0, stdout |-> "x\n", stderr |-> ""]
ASSUME (IOExecTemplate(<<"echo", "%s-%s">>, <<"a", "b">>)) = [exitValue |-> 0, stdout |-> "a-b\n", stderr |-> ""]
ASSUME (IOEnvExecTemplate([B |-> "y"], <<"sh", "-c", "echo $B %s">>, <<"z">>)) = [exitValue |-> 0, stdout |-> "y z\n", stderr |-> ""]
ASSUME (atoi("42")) = 42
ASSUME IOSerialize(<<1, "a">>, "/tmp/tla2-community-ops.vos", TRUE) /\ IODeserialize("/tmp/tla2-community-ops.vos", TRUE) = <<1, "a">>
ASSUME (Serialize("line1", "/tmp/tla2-community-ops.txt", [format |-> "TXT", charset |-> "UTF-8", openOptions |-> <<"WRITE", "CREATE", "TRUNCATE_EXISTING">>])) = [ exitValue |-> 0, stdout |-> "Finish writing to the file with success!", stderr |-> "" ]
ASSUME (Deserialize("/tmp/tla2-community-ops.txt", [format |-> "TXT", charset |-> "UTF-8"])) = [exitValue |-> 0, stdout |-> "line1", stderr |-> ""]

\* Integers
ASSUME (-7 \div 2) = -3
ASSUME (-7 % 2) = 1
ASSUME -3 \in Int

\* Json
ASSUME (ToJson([a |-> 1, b |-> <<"x", TRUE>>])) = "{\"a\":1,\"b\":[\"x\",true]}"
ASSUME (ToJsonArray(<<1, "two", [k |-> 3]>>)) = "[1,\"two\",{\"k\":3}]"
ASSUME (ToJsonObject([a |-> 1, b |-> {2}])) = "{\"a\":1,\"b\":[2]}"
ASSUME (ToJson({3, 1})) = "[1,3]"
ASSUME (ToJson(<<>>)) = "[]"
ASSUME JsonSerialize("/tmp/tla2-community-ops.json", <<[a |-> 1]>>) /\ JsonDeserialize("/tmp/tla2-community-ops.json") = <<[a |-> 1]>>

\* Naturals
ASSUME 3 > 2
ASSUME 2 <= 2
ASSUME ~(1 >= 2)
ASSUME (7 \div 2) = 3

\* Randomization
ASSUME RandomSubset(2, 1..5) \subseteq 1..5 /\ Cardinality(RandomSubset(2, 1..5)) = 2
ASSUME RandomSetOfSubsets(3, 2, 1..4) \subseteq SUBSET (1..4)
ASSUME Cardinality(RandomSetOfSubsets(3, 2, 1..4)) <= 3
ASSUME \A i \in 1..5 : TestRandomSetOfSubsets(3, 2, 1..4)[i] <= 3

\* Relation
ASSUME LET R == [p \in {1, 2, 3} \X {1, 2, 3} |-> p[1] < p[2]] IN TransitiveClosure(R, {1, 2, 3}) = R
ASSUME IsReflexive([p \in {1, 2} \X {1, 2} |-> p[1] = p[2]], {1, 2})
ASSUME IsTransitiveUnder(LAMBDA a, b : a < b, 1..3)
ASSUME ~(IsSymmetricUnder(LAMBDA a, b : a < b, 1..3))

\* SVG
ASSUME (PointOnLine([x |-> 0, y |-> 0], [x |-> 10, y |-> 20], 2)) = [x |-> 5, y |-> 10]
ASSUME (NodeOfRingNetwork(10, 10, 5, 0, 4)) = [x |-> 15, y |-> 10]

\* Sequences
ASSUME (<<1>> \o <<2, 3>>) = <<1, 2, 3>>
ASSUME ("ab" \o "c") = "abc"

\* SequencesExt
ASSUME (SetToSeqs({1, 2})) = {<<1, 2>>, <<2, 1>>}
ASSUME Contains(<<1, 2>>, 2)
ASSUME ~(Contains(<<1, 2>>, 3))
ASSUME (SelectInSeq(<<1, 2, 3, 4>>, LAMBDA x : x > 2)) = 3
ASSUME (SelectInSeq(<<1, 2>>, LAMBDA x : x > 5)) = 0
ASSUME (SelectLastInSubSeq(<<1, 3, 2, 4>>, 1, 3, LAMBDA x : x > 1)) = 3
ASSUME (Suffixes(<<1, 2, 3>>)) = {<<>>, <<3>>, <<2, 3>>, <<1, 2, 3>>}
ASSUME (FoldRightDomain(LAMBDA a, b : a - b, <<10, 20, 30>>, 0)) = 2
ASSUME (FoldLeftDomain(LAMBDA a, b : a - b, 0, <<10, 20, 30>>)) = -6
ASSUME (FoldRight(LAMBDA a, b : a - b, <<10, 20, 30>>, 0)) = 20
ASSUME (Cons(0, <<1>>)) = <<0, 1>>
ASSUME (Interleave(<<1, 2>>, <<"a", "b">>)) = <<<<1>>, <<"a">>, <<2>>, <<"b">>>>
ASSUME (SubSeqs(<<1, 2>>)) = {<<>>, <<1>>, <<2>>, <<1, 2>>}
ASSUME (ToSet(<<1, 2, 1>>)) = {1, 2}
ASSUME (Reverse(<<1, 2, 3>>)) = <<3, 2, 1>>
ASSUME (Zip(<<1, 2>>, <<"a", "b">>)) = <<<<1, "a">>, <<2, "b">>>>
ASSUME (LongestCommonPrefix({<<1, 2, 3>>, <<1, 2>>, <<1, 2, 4>>})) = <<1, 2>>
ASSUME (FlattenSeq(<<<<1>>, <<>>, <<2, 3>>>>)) = <<1, 2, 3>>

\* Statistics
ASSUME ChiSquare(<<1, 2>>, <<1, 2>>, "0.5")

\* TLC
ASSUME (TLCEval(1 + 1)) = 2
ASSUME RandomElement({7}) = 7
ASSUME JavaTime > 0
ASSUME PrintT("printed")

\* TLCExt
ASSUME (TLCNoOp(3)) = 3
ASSUME TLCDefer(1 + 1)
ASSUME (TLCCache(2 * 3, {})) = 6
ASSUME (TLCGetAndSet(77, LAMBDA a, b : a + b, 5, 10)) = 10
ASSUME (TLCGetAndSet(77, LAMBDA a, b : a + b, 5, 10)) = 15
ASSUME TLCFP(<<1, 2>>) = TLCFP(<<1, 2>>)
ASSUME (TLCGetOrDefault(78, "none")) = "none"

\* VectorClocks
ASSUME IsCausalOrder(<<[clock |-> [a |-> 1]], [clock |-> [a |-> 2]]>>, LAMBDA l : l.clock)

======================================================================
