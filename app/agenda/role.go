package agenda

import (
	"fmt"
	"strings"
)

// Role is what a person does in a session.
type Role int

// Roles in the order a session page lists them.
const (
	RoleOrganiser Role = iota + 1
	RoleSpeaker
	RoleModerator
	RoleOnlineModerator
	RoleRapporteur
)

// AllRoles lists the roles in page order.
func AllRoles() []Role {
	return []Role{RoleOrganiser, RoleSpeaker, RoleModerator, RoleOnlineModerator, RoleRapporteur}
}

func (r Role) String() string {
	switch r {
	case RoleOrganiser:
		return "organiser"
	case RoleSpeaker:
		return "speaker"
	case RoleModerator:
		return "moderator"
	case RoleOnlineModerator:
		return "online moderator"
	case RoleRapporteur:
		return "rapporteur"
	}
	return fmt.Sprintf("role(%d)", int(r))
}

// ParseRole accepts the names String returns and common spellings.
func ParseRole(s string) (Role, error) {
	k := normalizeName(s)
	if k == "organizer" {
		return RoleOrganiser, nil
	}
	for _, r := range AllRoles() {
		if r.String() == k {
			return r, nil
		}
	}
	return 0, fmt.Errorf("unknown role %q", strings.TrimSpace(s))
}
