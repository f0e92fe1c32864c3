package fr.guichet.changes;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Every kind's chapter; checked at start-up: one for each kind, no kind without one. */
@Component
class Chapters {

    private final Map<ChangeKind, Chapter> byKind = new EnumMap<>(ChangeKind.class);

    Chapters(List<Chapter> chapters) {
        for (var chapter : chapters) {
            if (byKind.put(chapter.kind(), chapter) != null) {
                throw new IllegalStateException("two chapters for the change kind " + chapter.kind());
            }
        }
        for (var kind : ChangeKind.values()) {
            if (!byKind.containsKey(kind)) {
                throw new IllegalStateException("no chapter for the change kind " + kind);
            }
        }
    }

    Chapter of(ChangeKind kind) {
        return byKind.get(kind);
    }
}
