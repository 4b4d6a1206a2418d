package gql

import (
	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/model"
)

func assessmentConnection(p *throughline.Page[*throughline.Assessment],
	page throughline.PageRequest,
) *model.AssessmentConnection {
	return &model.AssessmentConnection{
		Edges: edges(p, func(c string, n *throughline.Assessment) *model.AssessmentEdge {
			return &model.AssessmentEdge{Cursor: c, Node: n}
		}),
		Nodes:      nonNil(p.Items),
		PageInfo:   pageInfo(p, page.After),
		TotalCount: int32(p.TotalCount),
	}
}
