package fr.guichet.documents;

import fr.guichet.shared.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Every kind of owner that has document spaces, each with its {@link DocumentAudience}. Checked at
 * start-up: one audience per kind, and a link for each kind's e-mails.
 */
@Component
class Audiences {

    private final Map<String, DocumentAudience> byKind;

    Audiences(List<DocumentAudience> audiences, DocumentsProperties properties) {
        this.byKind = audiences.stream()
                .collect(Collectors.toUnmodifiableMap(DocumentAudience::ownerKind, Function.identity(), (a, b) -> {
                    throw new IllegalStateException("two document audiences for the kind " + a.ownerKind());
                }));
        byKind.keySet().stream()
                .filter(kind -> !properties.spaceLinks().containsKey(kind))
                .findAny()
                .ifPresent(kind -> {
                    throw new IllegalStateException("no guichet.documents.space-links." + kind + " for the e-mails");
                });
    }

    /** An unknown kind answers as an unknown owner would. */
    DocumentAudience of(String ownerKind) {
        return find(ownerKind).orElseThrow(NotFoundException::new);
    }

    Optional<DocumentAudience> find(String ownerKind) {
        return Optional.ofNullable(ownerKind).map(byKind::get);
    }
}
