package io.frontdesk.desk.fulfilment;

import io.frontdesk.core.security.Principal;
import io.frontdesk.desk.ticket.Channel;

/**
 * A request to start a reset or unlock.
 *
 * @param requester who asks, as a verified sign-in established it (the bot maps the activity's
 *     Entra object id to the desk user; the portal uses its session). Never built from a display
 *     name.
 * @param privateConversation true in a 1:1 chat or a signed-in portal page; a temporary password is
 *     never shown in a group chat or channel, so a reset that would show one is refused there
 */
public record StartRequest(
    Principal requester, FulfilmentKind kind, Channel channel, boolean privateConversation) {}
