package io.frontdesk.desk;

import io.frontdesk.desk.approval.ApprovalService;
import io.frontdesk.desk.catalogue.Catalogue;
import io.frontdesk.desk.catalogue.RequestService;
import io.frontdesk.desk.config.DeskConfigService;
import io.frontdesk.desk.csat.CsatService;
import io.frontdesk.desk.els.ElsService;
import io.frontdesk.desk.els.ProjectRepository;
import io.frontdesk.desk.mi.MiService;
import io.frontdesk.desk.mi.SelfServiceLog;
import io.frontdesk.desk.people.SchoolRepository;
import io.frontdesk.desk.people.UserRepository;
import io.frontdesk.desk.problem.ProblemService;
import io.frontdesk.desk.routing.GroupRepository;
import io.frontdesk.desk.sla.SlaMonitor;
import io.frontdesk.desk.ticket.SimilarTickets;
import io.frontdesk.desk.ticket.TicketLifecycle;
import io.frontdesk.desk.ticket.TicketService;

/**
 * The desk's public services, as built by the composition root; what {@code DeskRoutes}, the bot
 * and the portal are given. A plain holder: it creates nothing.
 */
public record Desk(
    TicketService tickets,
    TicketLifecycle lifecycle,
    RequestService requests,
    ApprovalService approvals,
    Catalogue catalogue,
    UserRepository users,
    SchoolRepository schools,
    GroupRepository groups,
    ProjectRepository projects,
    ElsService els,
    CsatService csat,
    ProblemService problems,
    MiService mi,
    SelfServiceLog selfService,
    SlaMonitor slaMonitor,
    DeskConfigService config,
    SimilarTickets similar) {}
