// Package inspector makes the callback methods of x/tools' ast/inspector
// sequential: InspectorSeq{in}.NodesSeq and NodesPull, WithStackSeq...
//
// Nodes calls its callback twice per node, before the children (push
// true) and after them (push false); a false at push skips the node's
// children, and the walk goes on. corogen reads that in Nodes' code (false
// leads to further calls, not out of the method), so the bool is a reply:
// true when the consumer gives none, and a break, or Close, unwinds Nodes.
//
// The one directive below is not about any protocol: the Inspector has its
// own PreorderSeq already, so its Preorder gets no forms here.
package inspector

//go:generate go tool corogen -type=golang.org/x/tools/go/ast/inspector.Inspector

//corogen:on=golang.org/x/tools/go/ast/inspector.Inspector.Preorder skip
