package io.frontdesk.core.security;

/** What a signed-in person may do. A person can hold several roles. */
public enum Role {
  /** A council staff member: sees staff and all-audience articles, raises staff tickets. */
  STAFF,
  /** Office staff at a school: sees only their own tickets at their school. */
  SCHOOL_CONTACT,
  /** A school's administrator: sees all of the school's tickets and invites its contacts. */
  SCHOOL_ADMIN,
  /** A service desk or resolver-team agent (levels 1-3), including Early Life Support teams. */
  AGENT,
  /** A Digital Champion: writes and reviews knowledge articles. */
  CHAMPION,
  /** Sees the management information. */
  MANAGER,
  /** Configures the service: catalogue, SLAs, routing, schools, users. */
  ADMIN;

  public boolean isSchoolRole() {
    return this == SCHOOL_CONTACT || this == SCHOOL_ADMIN;
  }
}
