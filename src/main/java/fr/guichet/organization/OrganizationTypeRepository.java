package fr.guichet.organization;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrganizationTypeRepository extends JpaRepository<OrganizationType, String> {

    List<OrganizationType> findAllByOrderByPosition();
}
