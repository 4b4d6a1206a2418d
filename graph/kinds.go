package throughline

// Kinds name the objects of the graph as the API's types do. Global IDs
// and audit entries both carry a kind with a row ID, so the two must
// agree: an audit entry's kind and ID make its object's global ID.
const (
	KindCycle          = "Cycle"
	KindTeam           = "Team"
	KindPerson         = "Person"
	KindObjective      = "Objective"
	KindKeyResult      = "KeyResult"
	KindProgressUpdate = "ProgressUpdate"
	KindCapability     = "Capability"
	KindRequirement    = "CapabilityRequirement"
	KindAssessment     = "Assessment"
	KindPlan           = "DevelopmentPlan"
	KindGoal           = "DevelopmentGoal"
	KindAction         = "DevelopmentAction"
	KindCheckIn        = "CheckIn"
	KindToken          = "Token"
	KindAuditEntry     = "AuditEntry"
	KindHandover       = "Handover"
	KindHandoverPack   = "HandoverPack"
)
