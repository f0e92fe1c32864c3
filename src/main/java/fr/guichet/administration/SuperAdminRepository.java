package fr.guichet.administration;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SuperAdminRepository extends JpaRepository<SuperAdmin, SuperAdmin.Key> {

    List<SuperAdmin> findByKeyEstablishmentId(long establishmentId);

    List<SuperAdmin> findByKeyAccountId(long accountId);

    long countByKeyEstablishmentId(long establishmentId);
}
