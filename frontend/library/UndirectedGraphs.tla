--------------------------- MODULE UndirectedGraphs -------------------------
(***************************************************************************)
(* Undirected graphs as records [node |-> N, edge |-> E], each edge a set *)
(* {a, b} of nodes.  SimplePath, AreConnectedIn and ConnectedComponents    *)
(* are implemented natively, as in TLC.                                    *)
(***************************************************************************)
LOCAL INSTANCE Naturals
LOCAL INSTANCE Sequences
LOCAL INSTANCE SequencesExt
LOCAL INSTANCE FiniteSets
LOCAL INSTANCE Folds
LOCAL INSTANCE Functions

IsUndirectedGraph(G) ==
  /\ G = [node |-> G.node, edge |-> G.edge]
  /\ \A e \in G.edge : \E a, b \in G.node : e = {a, b}

IsLoopFreeUndirectedGraph(G) ==
  /\ G = [node |-> G.node, edge |-> G.edge]
  /\ \A e \in G.edge : \E a, b \in G.node : a /= b /\ e = {a, b}

UndirectedSubgraph(G) ==
  {H \in [node : SUBSET G.node, edge : SUBSET G.edge] : IsUndirectedGraph(H)}

Path(G) ==
  {p \in Seq(G.node) :
     p /= <<>> /\ \A i \in 1..(Len(p) - 1) : {p[i], p[i + 1]} \in G.edge}

SimplePath(G) == BUILTIN

AreConnectedIn(m, n, G) == BUILTIN

ConnectedComponents(G) == BUILTIN

IsStronglyConnected(G) == ConnectedComponents(G) = {G.node}

UndirectedGraphs(S) == [node : {S}, edge : SUBSET {{s, t} : <<s, t>> \in S \X S}]

=============================================================================
