package gql

import (
	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/model"
)

func objectiveConnection(p *throughline.Page[*throughline.Objective],
	page throughline.PageRequest,
) *model.ObjectiveConnection {
	return &model.ObjectiveConnection{
		Edges: edges(p, func(c string, n *throughline.Objective) *model.ObjectiveEdge {
			return &model.ObjectiveEdge{Cursor: c, Node: n}
		}),
		Nodes:      nonNil(p.Items),
		PageInfo:   pageInfo(p, page.After),
		TotalCount: int32(p.TotalCount),
	}
}

func keyResultConnection(p *throughline.Page[*throughline.KeyResult],
	page throughline.PageRequest,
) *model.KeyResultConnection {
	return &model.KeyResultConnection{
		Edges: edges(p, func(c string, n *throughline.KeyResult) *model.KeyResultEdge {
			return &model.KeyResultEdge{Cursor: c, Node: n}
		}),
		Nodes:      nonNil(p.Items),
		PageInfo:   pageInfo(p, page.After),
		TotalCount: int32(p.TotalCount),
	}
}

func emptyKeyResultConnection() *model.KeyResultConnection {
	return keyResultConnection(&throughline.Page[*throughline.KeyResult]{}, throughline.PageRequest{})
}
