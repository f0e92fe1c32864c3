package fr.guichet.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What the statistics count of an access request, as it stands now; read in pages by id for a recount. */
public interface AccessRequestFacts {

    /**
     * An access request's countable facts.
     *
     * @param establishmentId the requester's establishment; none for an external requester
     * @param granted the service was opened to him (at once or by a decider), whatever happened since
     * @param decidedByPerson a decider accepted or refused it (an open service's grant is decided by nobody)
     * @param decidedAt when it was granted or refused; none while it waits
     */
    record Fact(
            AccessRequestId id,
            @Nullable Long establishmentId,
            Instant requestedAt,
            AccessStatus status,
            boolean granted,
            boolean decidedByPerson,
            @Nullable Instant decidedAt) {}

    Optional<Fact> find(AccessRequestId id);

    /** The requests with an id after {@code lastId}, in id order, at most {@code limit}. */
    List<Fact> after(long lastId, int limit);
}
