package fr.guichet.documents;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** One of the files a document has had, for the staff's history of it. */
public record FileVersion(
        int number,
        String fileName,
        long size,
        String contentType,
        Instant uploadedAt,
        AccountId uploadedBy,
        boolean current) {}
