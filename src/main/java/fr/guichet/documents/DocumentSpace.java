package fr.guichet.documents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a person sees of a space: its owner's name, whether he may change it and hears of new
 * files, and the documents by area, family and folder (only the areas he may see; every one of
 * them, even empty, so that a writer can upload there; only the families and folders that hold
 * something).
 */
public record DocumentSpace(String ownerName, boolean mayWrite, boolean subscribed, List<AreaShelf> areas) {

    public record AreaShelf(Area area, List<FamilyShelf> families) {}

    public record FamilyShelf(Family family, List<Folder> folders) {}

    /** A folder of a family; the one named "" holds the family's loose files and comes first. */
    public record Folder(String name, List<Entry> documents) {}

    public record Entry(
            DocumentId id,
            String title,
            int version,
            String fileName,
            long size,
            String contentType,
            Instant uploadedAt,
            long downloads) {}

    static List<AreaShelf> shelves(Collection<Area> visible, List<DocumentVersion> current) {
        var byArea =
                current.stream().collect(Collectors.groupingBy(v -> v.document().area()));
        return visible.stream()
                .sorted()
                .map(area -> new AreaShelf(area, families(byArea.getOrDefault(area, List.of()))))
                .toList();
    }

    private static List<FamilyShelf> families(List<DocumentVersion> inArea) {
        var byFamily = inArea.stream()
                .collect(Collectors.groupingBy(v -> v.document().family(), TreeMap::new, Collectors.toList()));
        return byFamily.entrySet().stream()
                .map(e -> new FamilyShelf(e.getKey(), folders(e.getValue())))
                .toList();
    }

    private static List<Folder> folders(List<DocumentVersion> inFamily) {
        Map<String, List<DocumentVersion>> byFolder = inFamily.stream()
                .collect(Collectors.groupingBy(
                        v -> v.document().folder(),
                        () -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder())),
                        Collectors.toList()));
        var folders = new ArrayList<Folder>();
        byFolder.forEach((name, versions) -> folders.add(new Folder(
                name,
                versions.stream()
                        .sorted(Comparator.comparing(
                                (DocumentVersion v) -> v.document().title(), String.CASE_INSENSITIVE_ORDER))
                        .map(DocumentSpace::entry)
                        .toList())));
        return folders;
    }

    private static Entry entry(DocumentVersion v) {
        var d = v.document();
        return new Entry(
                d.id(),
                d.title(),
                v.number(),
                v.fileName(),
                v.size(),
                v.contentType(),
                v.uploadedAt(),
                d.downloadCount());
    }
}
