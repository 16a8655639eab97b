package io.frontdesk.portal.admin;

import io.frontdesk.desk.audit.AdminAudit;
import io.frontdesk.desk.catalogue.CatalogueAdmin;
import io.frontdesk.desk.els.ProjectAdmin;
import io.frontdesk.desk.people.DirectoryAdmin;
import io.frontdesk.portal.auth.Invitations;

/**
 * The desk's admin services the admin screens call; each checks the admin role, validates and
 * writes the audit trail itself. Invitations e-mail a school's new staff a link to set their portal
 * password.
 */
public record AdminServices(
    AdminAudit audit,
    DirectoryAdmin directory,
    ProjectAdmin projects,
    CatalogueAdmin catalogue,
    Invitations invitations) {}
