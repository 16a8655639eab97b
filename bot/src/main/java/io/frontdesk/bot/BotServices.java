package io.frontdesk.bot;

import io.frontdesk.bot.state.ConversationState;
import io.frontdesk.core.async.Blocking;
import io.frontdesk.desk.approval.ApprovalService;
import io.frontdesk.desk.catalogue.Catalogue;
import io.frontdesk.desk.catalogue.RequestService;
import io.frontdesk.desk.csat.CsatService;
import io.frontdesk.desk.fulfilment.SelfServiceFulfilment;
import io.frontdesk.desk.ticket.TicketService;
import io.frontdesk.knowledge.article.ArticleService;
import io.frontdesk.knowledge.feedback.FeedbackService;
import io.frontdesk.knowledge.search.SearchService;

/** The knowledge and desk services the bot's commands call, and the conversation memory. */
public record BotServices(
    SearchService search,
    ArticleService articles,
    FeedbackService feedback,
    TicketService tickets,
    RequestService requests,
    Catalogue catalogue,
    ApprovalService approvals,
    CsatService csat,
    SelfServiceFulfilment fulfilment,
    ConversationState state,
    Blocking blocking,
    BotOptions options) {}
