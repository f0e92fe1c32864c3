package fr.guichet.access;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceRepository extends JpaRepository<Service, Long> {

    Optional<Service> findByCode(String code);

    boolean existsByCode(String code);

    List<Service> findAllByOrderByDomainAscNameAsc();
}
