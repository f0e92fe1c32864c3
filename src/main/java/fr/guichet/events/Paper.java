package fr.guichet.events;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What a convocation or an attendance certificate says, already in words: nothing here is looked up. */
record Paper(
        String agencyName, // e.g. "Agence de mutualisation des universités"
        List<String> agencyAddress, // lines of the agency's postal address, may be empty
        String signatory, // the signature block's name, e.g. "La directrice, Claire Martin"; may be blank
        String personName, // "Marie Curie"
        @Nullable String establishment, // the person's establishment, may be null
        String eventTitle,
        String eventKind, // already translated: "Formation", "Training"...
        List<Slot> slots, // the sessions concerned, in order (a convocation: one; a certificate: those attended)
        @Nullable String note, // a word from the organiser for the convocation, may be null
        String reference, // the registration's reference or the certificate's verification code
        @Nullable String verificationUrl, // the public page where the code is checked (certificates only)
        ZoneId zone, // the agency's time zone, Europe/Paris
        Locale locale, // French or English: every label in that language
        Instant issuedAt) {
    record Slot(
            Instant start,
            Instant end,
            @Nullable String place,
            @Nullable String address,
            @Nullable String videoLink) {}
}
