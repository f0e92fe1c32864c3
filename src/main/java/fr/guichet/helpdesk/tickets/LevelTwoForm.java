package fr.guichet.helpdesk.tickets;

import fr.guichet.helpdesk.CategoryId;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import org.jspecify.annotations.Nullable;

/** The form of a level-2 ticket, as typed; the version comes from the establishment's record. */
public record LevelTwoForm(
        CategoryId categoryId,
        @Nullable Priority priority,
        @Nullable String domain,
        @Nullable Nature nature,
        @Nullable String internalReference,
        @Nullable String messageCode,
        @Nullable String title,
        @Nullable String description,
        @Nullable String followUpEmail) {}
