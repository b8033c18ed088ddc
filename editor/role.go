package editor

// Role is a part a person plays on a shared desk; the database enforces
// what each may do. Each role may do everything the one before it may.
type Role string

// The roles of a shared desk, from the least to the most rights.
const (
	// RoleEditor creates and edits stories, quotes and people.
	RoleEditor Role = "editor"
	// RoleSubeditor also moves stories to subbing and ready (and back to
	// draft) and restores old revisions.
	RoleSubeditor Role = "subeditor"
	// RoleDesk also publishes, withdraws, spikes and edits site pages.
	RoleDesk Role = "desk"
)

// Roles lists the roles, the least rights first.
var Roles = []Role{RoleEditor, RoleSubeditor, RoleDesk}

// Validate reports a role that is not one of Roles.
func (r Role) Validate() error {
	for _, known := range Roles {
		if r == known {
			return nil
		}
	}
	return invalid("role", "%q is not a role; use editor, subeditor or desk", string(r))
}

// Allows reports whether a person with role r may do what need allows.
func (r Role) Allows(need Role) bool { return r.rank() >= need.rank() }

func (r Role) rank() int {
	for i, known := range Roles {
		if r == known {
			return i
		}
	}
	return -1
}

// StatusRole is the role a move from one status to another needs: the desk
// publishes, withdraws a published story, spikes and brings back a spiked
// one; a subeditor moves between draft, subbing and ready; staying put
// needs no more than an editor.
func StatusRole(from, to Status) Role {
	switch {
	case from == to:
		return RoleEditor
	case to == StatusPublished, from == StatusPublished, to == StatusSpiked, from == StatusSpiked:
		return RoleDesk
	}
	return RoleSubeditor
}

// StatusAction names a status move for a message ("publish a story").
func StatusAction(from, to Status) string {
	switch {
	case to == StatusPublished:
		return "publish a story"
	case from == StatusPublished:
		return "withdraw a published story"
	case to == StatusSpiked:
		return "spike a story"
	case from == StatusSpiked:
		return "bring back a spiked story"
	}
	return "move a story to " + string(to)
}
