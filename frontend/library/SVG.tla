--------------------------------- MODULE SVG ---------------------------------
(***************************************************************************)
(* Building SVG documents as records, to animate traces.  An element is    *)
(* [name, attrs, children, innerText]; coordinates become strings.         *)
(***************************************************************************)
LOCAL INSTANCE Naturals
LOCAL INSTANCE Sequences
LOCAL INSTANCE Integers
LOCAL INSTANCE TLC
LOCAL INSTANCE FiniteSets

(***************************************************************************)
(* The union of two records or functions, r1 winning where both are       *)
(* defined.                                                                *)
(***************************************************************************)
LOCAL Merge(r1, r2) ==
  [k \in DOMAIN r1 \cup DOMAIN r2 |-> IF k \in DOMAIN r1 THEN r1[k] ELSE r2[k]]

SVGElem(_name, _attrs, _children, _innerText) ==
  [name |-> _name, attrs |-> _attrs, children |-> _children, innerText |-> _innerText]

Line(x1, y1, x2, y2, attrs) ==
  SVGElem("line",
          Merge([x1 |-> ToString(x1), y1 |-> ToString(y1),
                 x2 |-> ToString(x2), y2 |-> ToString(y2)], attrs),
          <<>>, "")

Circle(cx, cy, r, attrs) ==
  SVGElem("circle", Merge([cx |-> ToString(cx), cy |-> ToString(cy), r |-> ToString(r)], attrs), <<>>, "")

Rect(x, y, w, h, attrs) ==
  SVGElem("rect",
          Merge([x |-> ToString(x), y |-> ToString(y),
                 width |-> ToString(w), height |-> ToString(h)], attrs),
          <<>>, "")

Text(x, y, text, attrs) ==
  SVGElem("text", Merge([x |-> ToString(x), y |-> ToString(y)], attrs), <<>>, text)

Image(x, y, width, height, href, attrs) ==
  SVGElem("image",
          Merge(("xlink:href" :> href @@ "x" :> ToString(x) @@ "y" :> ToString(y)
                 @@ "width" :> ToString(width) @@ "height" :> ToString(height)), attrs),
          <<>>, "")

Group(children, attrs) == SVGElem("g", attrs, children, "")

Svg(children, attrs) == SVGElem("svg", attrs, children, "")

SVGDoc(children, vbX, vbY, vbW, vbH, attrs) ==
  Svg(<<children>>,
      Merge(("xmlns:xlink" :> "http://www.w3.org/1999/xlink"
             @@ "xmlns" :> "http://www.w3.org/2000/svg"
             @@ "viewBox" :> ToString(vbX) \o " " \o ToString(vbY) \o " "
                             \o ToString(vbW) \o " " \o ToString(vbH)), attrs))

SVGElemToString(elem) == BUILTIN

-----------------------------------------------------------------------------

NodeOfRingNetwork(cx, cy, r, n, m) == BUILTIN

NodesOfDirectedMultiGraph(nodes, edges, options) == BUILTIN

PointOnLine(from, to, segment) == BUILTIN

-----------------------------------------------------------------------------

(***************************************************************************)
(* Writes svg to the file prefix<frame number on three digits>.svg.       *)
(***************************************************************************)
SVGSerialize(svg, frameNamePrefix, frameNumber) ==
  LET IO == INSTANCE IOUtils
  IN  IO!Serialize(SVGElemToString(svg),
                   frameNamePrefix \o IO!zeroPadN(frameNumber, 3) \o ".svg",
                   [format |-> "TXT", charset |-> "UTF-8",
                    openOptions |-> <<"WRITE", "CREATE", "TRUNCATE_EXISTING">>])

=============================================================================
