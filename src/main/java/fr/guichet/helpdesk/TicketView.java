package fr.guichet.helpdesk;

import fr.guichet.account.AccountId;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A ticket as pages, the API and other modules see it. */
public record TicketView(
        TicketId id,
        String title,
        String description,
        TicketState state,
        boolean simpleRequest,
        Priority priority,
        Nature nature,
        String domain,
        String messageCode,
        String versionLabel,
        String fixedVersion,
        String internalReference,
        AccountId requester,
        Long establishmentId,
        Long productId,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt,
        Instant firstRepliedAt,
        LocalDate waitingSince,
        int deadlinePushDays,
        @Nullable TeamId teamId,
        Long handlingAgentId,
        @Nullable ContractorId contractorId,
        LocalDate remindedOn) {

    /** The same ticket for a reader who is neither its requester side nor an agent: the site's internal number is the site's. */
    public TicketView withoutInternalReference() {
        return new TicketView(
                id,
                title,
                description,
                state,
                simpleRequest,
                priority,
                nature,
                domain,
                messageCode,
                versionLabel,
                fixedVersion,
                null,
                requester,
                establishmentId,
                productId,
                createdAt,
                updatedAt,
                closedAt,
                firstRepliedAt,
                waitingSince,
                deadlinePushDays,
                teamId,
                handlingAgentId,
                contractorId,
                remindedOn);
    }
}
