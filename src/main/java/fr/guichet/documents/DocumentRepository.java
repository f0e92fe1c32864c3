package fr.guichet.documents;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DocumentRepository extends JpaRepository<Document, Long> {

    /** The current file of each document of a space in these areas: one query for a whole page. */
    @Query("""
            select v from DocumentVersion v join fetch v.document d
            where d.ownerKind = :ownerKind and d.ownerId = :ownerId and d.area in :areas and v.number = d.currentVersion
            order by d.area, d.family, d.folder, lower(d.title), d.id""")
    List<DocumentVersion> currentVersions(String ownerKind, long ownerId, Collection<Area> areas);

    /**
     * One statement, not load-add-save: simultaneous downloads all count, and the document's
     * version is untouched, so a download never makes a staff member's edit fail.
     */
    @Modifying
    @Query("update Document d set d.downloadCount = d.downloadCount + 1 where d.id = :id")
    int countDownload(long id);
}
