package fr.guichet.helpdesk.tickets;

import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.Actor;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An exchange as the ticket page and the API show it; the requester side reads the agency's own without text. */
public record ExchangeView(
        Action action,
        Actor actor,
        @Nullable Long authorId,
        @Nullable String from,
        String to,
        @Nullable String text,
        Instant at) {

    ExchangeView withoutText() {
        return new ExchangeView(action, actor, authorId, from, to, null, at);
    }
}
