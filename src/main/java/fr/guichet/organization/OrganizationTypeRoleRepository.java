package fr.guichet.organization;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrganizationTypeRoleRepository extends JpaRepository<OrganizationTypeRole, OrganizationTypeRole.Key> {}
