package io.frontdesk.portal;

import com.mongodb.client.MongoDatabase;
import io.frontdesk.desk.Desk;
import io.frontdesk.knowledge.article.ArticleListings;
import io.frontdesk.knowledge.article.ArticleService;
import io.frontdesk.knowledge.feedback.FeedbackService;
import io.frontdesk.knowledge.search.SearchService;
import io.frontdesk.portal.auth.Mailer;

/**
 * The services the portal's pages call: the desk and knowledge modules' own services (the portal
 * keeps no copy of tickets or articles), the store for portal-only collections (sessions, account
 * tokens, attachments in GridFS) and the mailer for invitations and password-reset links.
 */
public record PortalServices(
    Desk desk,
    SearchService search,
    ArticleService articles,
    ArticleListings listings,
    FeedbackService feedback,
    MongoDatabase db,
    Mailer mailer) {}
