package fr.guichet.organization;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface OrganizationRepository extends JpaRepository<Organization, Long> {

    @Query("""
            select o from Organization o
            where o.parentId is null
              and (lower(o.name) like lower(concat('%', :words, '%')) or lower(o.acronym) like lower(concat('%', :words, '%')))
            order by o.name""")
    List<Organization> searchEstablishments(String words, Pageable page);

    long countByParentIdIsNull();

    @Query("select o from Organization o join o.emailDomains d where o.parentId is null and d = :domain")
    Optional<Organization> findEstablishmentByEmailDomain(String domain);

    List<Organization> findByParentIdOrderByName(Long parentId);

    interface IdAndPath {
        Long getId();

        String getPath();
    }

    /** Paths only: what a permission check needs, without loading the organisations. */
    @Query("select o.id as id, o.path as path from Organization o where o.id in :ids")
    List<IdAndPath> findPaths(Collection<Long> ids);

    boolean existsByParentId(Long parentId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from Organization o where o.id = :id")
    Optional<Organization> findLocked(long id);

    /** The subtree under a path, the node itself included, in tree order. */
    @Query("select o from Organization o where o.path like concat(:path, '%') order by o.path")
    List<Organization> findSubtree(String path);

    /** Ids only: a place may hold thousands of organisations. */
    @Query("""
            select o.id from Organization o
            where substring(o.postalCode, 1, 2) in :beginnings or substring(o.postalCode, 1, 3) in :beginnings""")
    List<Long> findIdsByPostalCodeBeginning(Collection<String> beginnings);
}
