package fr.guichet.helpdesk.tickets;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * What the site wrote when it filed: the title, the description, the message code it saw, and the
 * version it runs (the validated one, with its label as it read then). It never changes afterwards;
 * public only as a type, for the search module to index it.
 */
@NamedInterface("search")
@Embeddable
public class Statement {

    private String title;

    private String description;

    // matched as typed, not cut into words: "ORA-01403", "FB60"
    @Column(name = "message_code")
    private @Nullable String messageCode;

    @Column(name = "installed_version_id")
    private @Nullable Long installedVersionId;

    @Column(name = "version_label")
    private @Nullable String versionLabel;

    protected Statement() {}

    Statement(
            String title,
            String description,
            @Nullable String messageCode,
            @Nullable Long installedVersionId,
            @Nullable String versionLabel) {
        this.title = title;
        this.description = description;
        this.messageCode = messageCode;
        this.installedVersionId = installedVersionId;
        this.versionLabel = versionLabel;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    @Nullable
    String messageCode() {
        return messageCode;
    }

    @Nullable
    String versionLabel() {
        return versionLabel;
    }
}
