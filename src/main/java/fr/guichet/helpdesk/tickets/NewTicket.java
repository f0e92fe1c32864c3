package fr.guichet.helpdesk.tickets;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;

/** What is filed: the form's fields, with the version the establishment's record gives (never typed). */
record NewTicket(
        AccountId requester,
        Long establishmentId,
        Long productId,
        String followUpEmail,
        String internalReference,
        Long installedVersionId,
        String versionLabel,
        Priority priority,
        String domain,
        Nature nature,
        String messageCode,
        String title,
        String description) {}
