-------------------- MODULE CommunityOpsGraphs --------------------
\* UndirectedGraphs against values computed by TLC (see CommunityOps.tla).
EXTENDS Naturals, UndirectedGraphs

\* UndirectedGraphs
ASSUME (ConnectedComponents([node |-> {1, 2, 3}, edge |-> {{1, 2}}])) = {{3}, {1, 2}}

======================================================================
